package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.TlsConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bulk-data collector listens. {@link #defaults()}: HTTP on port {@value #DEFAULT_PORT} of all interfaces,
 * path {@code /bulkdata}, no HTTPS, {@link BulkDataLimits#defaults()}, 30 s idle timeout.
 *
 * @param host        interface to bind
 * @param port        HTTP port; 0 picks a free one, -1 disables plain HTTP
 * @param tls         the HTTPS listener (the ACS's {@link TlsConfig}: port, key store), if any
 * @param path        the path prefix: uploads go to {@code <path>/<token>} or, with a device credential,
 *                    {@code <path>}
 * @param limits      size and shape limits of one upload
 * @param idleTimeout idle keep-alive connections are closed after this
 * @param maxThreads  request threads of the dedicated server
 */
public record BulkDataCollectorConfig(String host, int port, Optional<TlsConfig> tls, String path,
                                      BulkDataLimits limits, Duration idleTimeout, int maxThreads) {

    public static final int DEFAULT_PORT = 7549;

    public BulkDataCollectorConfig {
        Objects.requireNonNull(host, "host");
        tls = tls == null ? Optional.empty() : tls;
        path = path == null || path.isBlank() ? "/bulkdata" : (path.startsWith("/") ? path : "/" + path);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be at least 4");
        }
    }

    public static BulkDataCollectorConfig defaults() {
        return new BulkDataCollectorConfig("0.0.0.0", DEFAULT_PORT, Optional.empty(), "/bulkdata",
                BulkDataLimits.defaults(), Duration.ofSeconds(30), 64);
    }

    public BulkDataCollectorConfig withListener(String newHost, int newPort) {
        return new BulkDataCollectorConfig(newHost, newPort, tls, path, limits, idleTimeout, maxThreads);
    }

    public BulkDataCollectorConfig withTls(TlsConfig newTls) {
        return new BulkDataCollectorConfig(host, port, Optional.ofNullable(newTls), path, limits, idleTimeout,
                maxThreads);
    }

    public BulkDataCollectorConfig withPath(String newPath) {
        return new BulkDataCollectorConfig(host, port, tls, newPath, limits, idleTimeout, maxThreads);
    }

    public BulkDataCollectorConfig withLimits(BulkDataLimits newLimits) {
        return new BulkDataCollectorConfig(host, port, tls, path, newLimits, idleTimeout, maxThreads);
    }
}
