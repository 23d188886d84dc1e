package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPE credentials from a {@link CredentialsFile} (in Kubernetes: a mounted Secret), re-read when the file changes.
 * The file is polled ({@link WatchedFile}), its content read only when it moved. A new file replaces the whole
 * set at once; a file that cannot be read or parsed leaves the credentials in use as they are and is logged.
 *
 * <p>Usernames the file does not know, and Connection Request credentials, come from the {@code fallback} store.
 */
public final class CredentialsFileStore implements CredentialStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsFileStore.class);

    private final Path file;
    private final WatchedFile watched;
    private final CredentialStore fallback;
    private final Counter applied;
    private final Counter failed;
    private volatile Map<String, Credentials> credentials;
    private byte[] contentHash;
    private ScheduledExecutorService poller;

    private CredentialsFileStore(Path file, CredentialStore fallback, MeterRegistry registry) {
        this.file = file;
        this.watched = new WatchedFile(file);
        this.fallback = fallback;
        this.applied = reloads(registry, "applied");
        this.failed = reloads(registry, "failed");
        Gauge.builder("cpe.cwmp.auth.credentials", this, store -> store.credentials.size())
                .description("CPE credentials loaded from the credentials file").register(registry);
    }

    /**
     * Reads the file; a missing, unreadable or malformed file is an error here (at startup nothing is in use yet
     * that could stand in).
     */
    public static CredentialsFileStore load(Path file, CredentialStore fallback, MeterRegistry registry)
            throws IOException, CredentialsFile.FormatException {
        CredentialsFileStore store = new CredentialsFileStore(file, fallback, registry);
        store.watched.markSeen();
        byte[] content = Files.readAllBytes(file);
        store.credentials = parse(content, file);
        store.contentHash = sha256(content);
        LOG.info("CPE credentials: {} from {}", store.credentials.size(), file);
        return store;
    }

    /**
     * Re-reads the file if it changed since last time and swaps the credentials in when it parses.
     *
     * @return true when new credentials are now in use
     */
    public synchronized boolean reloadIfChanged() {
        byte[] content;
        try {
            if (!watched.changed()) {
                return false;
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            // logged once; the next readable version is read again
            if (watched.forget()) {
                LOG.error("CPE credentials file {} cannot be read ({}); the {} credentials read before stay in use",
                        file, e.toString(), credentials.size());
                failed.increment();
            }
            return false;
        }
        byte[] hash = sha256(content);
        if (Arrays.equals(hash, contentHash)) {
            return false;
        }
        contentHash = hash;
        try {
            Map<String, Credentials> fresh = parse(content, file);
            credentials = fresh;
            applied.increment();
            LOG.info("CPE credentials reloaded: {} from {}", fresh.size(), file);
            return true;
        } catch (CredentialsFile.FormatException | IOException e) {
            failed.increment();
            LOG.error("CPE credentials file changed but cannot be used: {}; the {} credentials read before stay "
                    + "in use until it is fixed", e.getMessage(), credentials.size());
            return false;
        }
    }

    /** Checks the file every {@code period} on a daemon thread of its own until {@link #close()}. */
    public synchronized void pollEvery(Duration period) {
        if (poller != null) {
            throw new IllegalStateException("already polling");
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cpe-credentials-file");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.error("checking the CPE credentials file {} failed", file, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int size() {
        return credentials.size();
    }

    @Override
    public Optional<Credentials> cpeCredentials(String username) {
        Credentials own = credentials.get(username);
        return own != null ? Optional.of(own) : fallback.cpeCredentials(username);
    }

    @Override
    public Optional<Credentials> connectionRequestCredentials(DeviceId deviceId) {
        return fallback.connectionRequestCredentials(deviceId);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private static Map<String, Credentials> parse(byte[] content, Path file)
            throws IOException, CredentialsFile.FormatException {
        return Map.copyOf(CredentialsFile.parse(new StringReader(new String(content, StandardCharsets.UTF_8)),
                file.toString()));
    }

    private static Counter reloads(MeterRegistry registry, String outcome) {
        return Counter.builder("cpe.cwmp.auth.credentials.reloads").tag("outcome", outcome)
                .description("changes of the CPE credentials file, applied or refused").register(registry);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
