package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The TR-069 / TR-369 HTTP bulk-data collector: devices upload {@code Device.BulkData.Profile.{i}} reports (JSON
 * or CSV, optionally gzip/deflate) and the values go into their twins with the reports' own times. Either mount
 * {@link #handler()} on a server the caller runs, or {@link #start()} a dedicated one (HTTP and, with a
 * {@link TlsConfig}, HTTPS). A profile's URL is {@code <scheme>://<host>:<port>}{@link #profilePath(DeviceId)}.
 */
public final class BulkDataCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkDataCollector.class);

    private final BulkDataCollectorConfig config;
    private final BulkDataTokens tokens;
    private final BulkDataIngest ingest;
    private final BulkDataHttpHandler handler;
    private Server server;
    private ServerConnector httpConnector;
    private ServerConnector httpsConnector;

    /**
     * @param credentials the ACS's credential check ({@link DeviceCredentials#of}), or null to accept token URLs
     *                    only
     */
    public BulkDataCollector(BulkDataCollectorConfig config, TwinStore twins, BulkDataTokens tokens,
                             DeviceCredentials credentials, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.ingest = new BulkDataIngest(twins, config.limits(), registry, clock);
        this.handler = new BulkDataHttpHandler(config.path(), ingest,
                new UploaderIdentity(tokens, credentials));
    }

    /** The endpoint handler, for mounting on a server the caller runs. */
    public Handler handler() {
        return handler;
    }

    /** Decode-and-apply, for other transports (USP Push! events, MQTT). */
    public BulkDataIngest ingest() {
        return ingest;
    }

    public BulkDataTokens tokens() {
        return tokens;
    }

    /** The path part of the device's profile URL ({@code /bulkdata/<token>}); issues the token on first use. */
    public String profilePath(DeviceId device) {
        return config.path() + "/" + tokens.tokenFor(device);
    }

    /** Starts a dedicated Jetty server on the configured HTTP port (unless -1) and HTTPS port (if configured). */
    public synchronized void start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), 4);
        threads.setName("bulkdata");
        Server newServer = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (config.port() >= 0) {
            httpConnector = new ServerConnector(newServer, new HttpConnectionFactory(http));
            httpConnector.setHost(config.host());
            httpConnector.setPort(config.port());
            httpConnector.setIdleTimeout(config.idleTimeout().toMillis());
            newServer.addConnector(httpConnector);
        }
        if (config.tls().isPresent()) {
            TlsConfig tls = config.tls().get();
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keyStore().toString());
            ssl.setKeyStorePassword(tls.keyStorePassword());
            ssl.setKeyStoreType(tls.keyStoreType());
            HttpConfiguration https = new HttpConfiguration(http);
            // devices use IP addresses and names of their own; SNI host checks would lock them out
            https.addCustomizer(new SecureRequestCustomizer(false));
            httpsConnector = new ServerConnector(newServer, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            httpsConnector.setHost(config.host());
            httpsConnector.setPort(tls.port());
            httpsConnector.setIdleTimeout(config.idleTimeout().toMillis());
            newServer.addConnector(httpsConnector);
        }
        newServer.setHandler(handler);
        newServer.start();
        server = newServer;
        LOG.info("bulk-data collector listening: http port {}, https port {}, path {}", httpPort(), httpsPort(),
                config.path());
    }

    /** The bound HTTP port of the dedicated server, -1 when none. */
    public int httpPort() {
        return httpConnector == null ? -1 : httpConnector.getLocalPort();
    }

    /** The bound HTTPS port of the dedicated server, -1 when none. */
    public int httpsPort() {
        return httpsConnector == null ? -1 : httpsConnector.getLocalPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("stopping the bulk-data collector failed", e);
            }
            server = null;
        }
    }
}
