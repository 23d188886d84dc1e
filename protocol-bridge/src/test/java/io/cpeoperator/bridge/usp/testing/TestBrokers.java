package io.cpeoperator.bridge.usp.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A Moquette broker on a loopback port: the second, independent broker implementation the tests run against. */
public final class TestBrokers {

    private TestBrokers() {
    }

    public static Server startMoquette(int port) {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server server = new Server();
        try {
            server.startServer(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
