package io.cpeoperator.bridge.net;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import io.cpeoperator.bridge.cwmp.auth.WatchedFile;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * The HTTPS server context of a device-facing listener (the ACS, the bulk-data collector), reloaded when its key store
 * file changes (a renewed certificate, e.g. cert-manager updating the mounted Secret), so renewing a certificate needs
 * no restart, which for a single ACS replica would drop every device's session. A new file is swapped in only once it loads and holds a private key: a half-written or
 * wrong file never takes HTTPS down.
 */
final class TlsServerContext {

    private static final Logger LOG = LoggerFactory.getLogger(TlsServerContext.class);

    private final TlsConfig tls;
    private final SslContextFactory.Server factory = new SslContextFactory.Server();
    private final WatchedFile keyStoreFile;

    TlsServerContext(TlsConfig tls) throws IOException {
        this.tls = tls;
        this.keyStoreFile = new WatchedFile(tls.keyStore());
        keyStoreFile.markSeen();
        factory.setKeyStorePath(tls.keyStore().toString());
        factory.setKeyStorePassword(tls.keyStorePassword());
        factory.setKeyStoreType(tls.keyStoreType());
    }

    SslContextFactory.Server factory() {
        return factory;
    }

    /** @return true when a new key store is in use */
    boolean reloadIfChanged() {
        try {
            if (!keyStoreFile.changed()) {
                return false;
            }
        } catch (IOException e) {
            if (keyStoreFile.forget()) {
                LOG.error("TLS key store {} cannot be read ({}); the certificate in use stays", tls.keyStore(),
                        e.toString());
            }
            return false;
        }
        try {
            requirePrivateKey();
            factory.reload(unchanged -> {
            });
            LOG.info("TLS key store {} changed: new connections use its certificate", tls.keyStore());
            return true;
        } catch (Exception e) {
            LOG.error("TLS key store {} changed but cannot be used ({}); the certificate in use stays",
                    tls.keyStore(), e.toString());
            return false;
        }
    }

    private void requirePrivateKey() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(tls.keyStoreType());
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            store.load(in, tls.keyStorePassword().toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return;
            }
        }
        throw new GeneralSecurityException("no private key in it");
    }
}
