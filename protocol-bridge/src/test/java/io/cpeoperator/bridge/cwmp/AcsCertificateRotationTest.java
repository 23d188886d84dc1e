package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.testing.TestKeyStores;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** A renewed server certificate reaches new HTTPS connections without a restart; a broken file changes nothing. */
class AcsCertificateRotationTest {

    @Test
    void aChangedKeyStoreIsSwappedInOnlyWhenItLoads(@TempDir Path dir) throws Exception {
        Path first = TestKeyStores.generate(dir.resolve("first.p12"));
        Path renewed = TestKeyStores.generate(dir.resolve("renewed.p12"));
        Path mounted = Files.copy(first, dir.resolve("acs.p12"));
        Certificate firstCertificate = TestKeyStores.certificate(first);
        Certificate renewedCertificate = TestKeyStores.certificate(renewed);
        CwmpAcsConfig config = CwmpAcsConfig.defaults().withListener("127.0.0.1", -1)
                .withTls(new TlsConfig(0, mounted, TestKeyStores.PASSWORD, "PKCS12"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CwmpAcs acs = new CwmpAcs(config, new ShardedTwinStore(TwinStoreConfig.defaults().withShards(1),
                registry, Clock.systemUTC()), new InMemoryCredentialStore(), registry, Clock.systemUTC())) {
            acs.start();
            SSLContext client = trusting(firstCertificate, renewedCertificate);
            assertThat(presented(client, acs.httpsPort())).isEqualTo(firstCertificate);
            assertThat(acs.reloadTlsKeyStoreIfChanged()).as("unchanged").isFalse();

            Files.writeString(mounted, "half-written");
            Files.setLastModifiedTime(mounted, FileTime.fromMillis(1_000));
            assertThat(acs.reloadTlsKeyStoreIfChanged()).isFalse();
            assertThat(presented(client, acs.httpsPort())).isEqualTo(firstCertificate);

            Files.copy(renewed, mounted, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(mounted, FileTime.fromMillis(2_000));
            assertThat(acs.reloadTlsKeyStoreIfChanged()).isTrue();
            assertThat(presented(client, acs.httpsPort())).isEqualTo(renewedCertificate);
        }
    }

    private static Certificate presented(SSLContext client, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0];
        }
    }

    private static SSLContext trusting(Certificate... certificates) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trusted.setCertificateEntry("acs-" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
