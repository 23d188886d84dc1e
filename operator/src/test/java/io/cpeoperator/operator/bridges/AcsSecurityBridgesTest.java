package io.cpeoperator.operator.bridges;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.Protocol;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.operator.config.OperatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's bridges as configured for production: a strict ACS with a credentials file, an HTTPS listener with
 * a key store made at test time, and a simulated CWMP device that still gets in.
 */
class AcsSecurityBridgesTest {

    private static final String KEYSTORE_PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static DeviceBridges bridges;
    private static Subscription subscription;
    private static final CountDownLatch simulatedConnected = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, """
                # the fleet credential, and one bound to a device
                fleet:fleet-pw
                00D09E-own:own-pw:00D09E-HGW-own
                """);
        keyStore = generateKeyStore(dir);
        OperatorConfig config = OperatorConfig.parse(new String[]{"--bind-address", "127.0.0.1",
                "--acs-port", "0", "--mqtt-port", "0",
                "--acs-auth", "strict", "--cpe-credentials-file", credentials.toString(),
                "--acs-tls-port", "0", "--acs-tls-keystore", keyStore.toString(),
                "--simulate", "1", "--simulate-mix", "cwmp=100"},
                Map.of("CPE_ACS_TLS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD));
        bridges = DeviceBridges.start(config.bridges(), new SimpleMeterRegistry(), Clock.systemUTC());
        subscription = bridges.gateway().subscribe(event -> {
            if (event instanceof DeviceEvent.Connected connected && connected.deviceId().protocol() == Protocol.CWMP
                    && connected.deviceId().key().contains("SIM")) {
                simulatedConnected.countDown();
            }
        });
        bridges.simulate(config.bridges());
    }

    @AfterAll
    static void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (bridges != null) {
            bridges.close();
        }
    }

    @Test
    void aDeviceWithFileCredentialsIsLetInAndOthersAreRefused() throws Exception {
        String acs = "http://127.0.0.1:" + bridges.acsHttpPort() + "/";
        assertThat(inform(acs, "dev-1", basic("fleet", "fleet-pw")).statusCode()).isEqualTo(200);
        assertThat(inform(acs, "dev-1", basic("fleet", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> anonymous = inform(acs, "dev-1", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Digest realm="));
        assertThat(inform(acs, "dev-1", basic("stranger", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void aDeviceBoundCredentialOpensOnlyItsOwnDevice() throws Exception {
        String acs = "http://127.0.0.1:" + bridges.acsHttpPort() + "/";
        assertThat(inform(acs, "own", basic("00D09E-own", "own-pw")).statusCode()).isEqualTo(200);
        assertThat(inform(acs, "someone-else", basic("00D09E-own", "own-pw")).statusCode()).isEqualTo(401);
    }

    @Test
    void devicesReachTheAcsOverHttps() throws Exception {
        assertThat(bridges.acsHttpsPort()).isPositive();
        HttpClient tls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).sslContext(trusting(keyStore)).build();
        HttpResponse<byte[]> reply = send(tls, "https://127.0.0.1:" + bridges.acsHttpsPort() + "/", "tls-1",
                basic("fleet", "fleet-pw"));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(new CwmpCodec(SoapLimits.defaults()).decode(reply.body()).message())
                .isEqualTo(InformResponse.standard());
        assertThat(send(tls, "https://127.0.0.1:" + bridges.acsHttpsPort() + "/", "tls-1", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void simulatedDevicesStillGetInInStrictMode() throws Exception {
        assertThat(simulatedConnected.await(60, TimeUnit.SECONDS)).as("the simulated CWMP device connected").isTrue();
    }

    private HttpResponse<byte[]> inform(String url, String serial, String authorization) throws Exception {
        return send(http, url, serial, authorization);
    }

    private static HttpResponse<byte[]> send(HttpClient client, String url, String serial, String authorization)
            throws Exception {
        byte[] body = new CwmpCodec(SoapLimits.defaults()).encode(CwmpEnvelope.of(CwmpVersion.V1_0, "1",
                new Inform(new DeviceIdStruct("Test Networks", "00D09E", "HGW", serial),
                        List.of(EventStruct.of(EventStruct.PERIODIC)), 1, "2026-11-25T20:00:00Z", 0, List.of())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=\"utf-8\"").header("SOAPAction", "")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A self-signed server certificate for 127.0.0.1, made with the JDK's keytool. */
    private static Path generateKeyStore(Path directory) throws Exception {
        Path file = directory.resolve("acs.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "acs", "-keyalg", "EC", "-groupname", "secp256r1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", KEYSTORE_PASSWORD, "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        return file;
    }

    /** Trusts exactly the ACS's certificate, as a CPE provisioned with it would. */
    private static SSLContext trusting(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("acs", store.getCertificate("acs"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
