package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.cwmp.testing.TestKeyStores;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The ACS on its own HTTPS listener, and mounted on a server somebody else runs. */
class AcsListenersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ShardedTwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(1), registry,
            Clock.systemUTC());

    @Test
    void servesSessionsOverHttps(@TempDir Path dir) throws Exception {
        Path keyStore = TestKeyStores.generate(dir.resolve("acs.p12"));
        CwmpAcsConfig config = CwmpAcsConfig.defaults().withListener("127.0.0.1", -1)
                .withTls(new TlsConfig(0, keyStore, TestKeyStores.PASSWORD, "PKCS12"));

        try (CwmpAcs acs = new CwmpAcs(config, twins, new InMemoryCredentialStore(), registry, Clock.systemUTC())) {
            acs.start();
            assertThat(acs.httpPort()).isEqualTo(-1);
            ScriptedCpe cpe = new ScriptedCpe(acs.httpsPort(), "tls-1", "Device.");
            try (RawHttpConnection connection = RawHttpConnection.tls(acs.httpsPort())) {
                RawHttpConnection.Reply reply = connection.post("/", cpe.informBytes("0 BOOTSTRAP"));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(new CwmpCodec(SoapLimits.defaults()).decode(reply.body()).message())
                        .isEqualTo(InformResponse.standard());
            }
        }
    }

    @Test
    void theHandlerCanBeMountedOnAnotherServer() throws Exception {
        try (CwmpAcs acs = new CwmpAcs(CwmpAcsConfig.defaults().withPath("/cwmp"), twins,
                new InMemoryCredentialStore(), registry, Clock.systemUTC())) {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(acs.handler());
            server.start();
            try {
                ScriptedCpe cpe = new ScriptedCpe(connector.getLocalPort(), "/cwmp", "mounted-1", "Device.");
                assertThat(cpe.runSession("0 BOOTSTRAP")).isNotEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
