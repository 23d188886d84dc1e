package io.cpeoperator.bridge.net;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * A dedicated Jetty server for devices to reach (the ACS, the bulk-data collector): a plain HTTP listener unless its
 * port is -1, and an HTTPS one when TLS is configured, whose key store is swapped in again when the file changes
 * ({@link #reloadTlsKeyStoreIfChanged()}). Devices present IP addresses and self-chosen host names, so SNI host checks
 * are off.
 */
public final class DeviceHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHttpServer.class);

    private final String name;
    private final Server server;
    private final ServerConnector httpConnector;
    private final ServerConnector httpsConnector;
    private final TlsServerContext tlsContext;

    /**
     * @param name       the thread-pool name and what logs call it
     * @param maxThreads most request threads
     * @param host       the bind address
     * @param port       the HTTP port (0: a free one, -1: no plain HTTP)
     */
    public static DeviceHttpServer start(String name, int maxThreads, String host, int port, Optional<TlsConfig> tls,
                                         Duration idleTimeout, Handler handler) throws Exception {
        DeviceHttpServer started = new DeviceHttpServer(name, maxThreads, host, port, tls, idleTimeout, handler);
        try {
            started.server.start();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    private DeviceHttpServer(String name, int maxThreads, String host, int port, Optional<TlsConfig> tls,
                             Duration idleTimeout, Handler handler) throws Exception {
        this.name = name;
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        threads.setName(name);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        httpConnector = port >= 0 ? connector(new ServerConnector(server, new HttpConnectionFactory(http)), host, port,
                idleTimeout) : null;
        if (tls.isPresent()) {
            tlsContext = new TlsServerContext(tls.get());
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer(false));
            httpsConnector = connector(new ServerConnector(server,
                    new SslConnectionFactory(tlsContext.factory(), "http/1.1"), new HttpConnectionFactory(https)),
                    host, tls.get().port(), idleTimeout);
        } else {
            tlsContext = null;
            httpsConnector = null;
        }
        server.setHandler(handler);
    }

    private ServerConnector connector(ServerConnector connector, String host, int port, Duration idleTimeout) {
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        return connector;
    }

    /** The bound HTTP port, -1 when none. */
    public int httpPort() {
        return httpConnector == null ? -1 : httpConnector.getLocalPort();
    }

    /** The bound HTTPS port, -1 when none. */
    public int httpsPort() {
        return httpsConnector == null ? -1 : httpsConnector.getLocalPort();
    }

    public boolean hasTls() {
        return tlsContext != null;
    }

    /**
     * Swaps a changed key store file in for new HTTPS connections; false when there is none, it did not change or it
     * cannot be used (the certificate in use stays).
     */
    public boolean reloadTlsKeyStoreIfChanged() {
        try {
            return tlsContext != null && tlsContext.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.error("checking the {} TLS key store failed", name, e);
            return false;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the {} server failed", name, e);
        }
    }
}
