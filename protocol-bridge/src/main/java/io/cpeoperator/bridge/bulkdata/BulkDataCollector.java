package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.net.DeviceHttpServer;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
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
    private volatile DeviceHttpServer server;

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

    /**
     * Starts a dedicated Jetty server on the configured HTTP port (unless -1) and HTTPS port (if configured); a changed
     * key store is taken up by {@link #reloadTlsKeyStoreIfChanged()}.
     */
    public synchronized void start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = DeviceHttpServer.start("bulkdata", config.maxThreads(), config.host(), config.port(), config.tls(),
                config.idleTimeout(), handler);
        LOG.info("bulk-data collector listening: http port {}, https port {}, path {}", httpPort(), httpsPort(),
                config.path());
    }

    /** Swaps a changed key store file in for new HTTPS connections; see {@link DeviceHttpServer}. */
    public boolean reloadTlsKeyStoreIfChanged() {
        DeviceHttpServer current = server;
        return current != null && current.reloadTlsKeyStoreIfChanged();
    }

    /** The bound HTTP port of the dedicated server, -1 when none. */
    public int httpPort() {
        DeviceHttpServer current = server;
        return current == null ? -1 : current.httpPort();
    }

    /** The bound HTTPS port of the dedicated server, -1 when none. */
    public int httpsPort() {
        DeviceHttpServer current = server;
        return current == null ? -1 : current.httpsPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
