package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.CpeAuthenticator;
import io.cpeoperator.bridge.cwmp.auth.CredentialStore;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestRateLimiter;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestOutcome;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequester;
import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.cwmp.inform.CpeRequestResponder;
import io.cpeoperator.bridge.cwmp.inform.InformProcessor;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.CwmpDeviceRegistry;
import io.cpeoperator.bridge.cwmp.session.CwmpMetrics;
import io.cpeoperator.bridge.cwmp.session.CwmpSessionEngine;
import io.cpeoperator.bridge.cwmp.session.CwmpSessionHandler;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.sync.SyncRetryScheduler;
import io.cpeoperator.bridge.cwmp.sync.TwinSynchronizer;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.net.DeviceHttpServer;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The TR-069 ACS: wires codec, sessions, queues, twin sync, authentication and Connection Requests. Either mount
 * {@link #handler()} on an existing Jetty server, or {@link #start()} a dedicated one on the configured port(s).
 */
public final class CwmpAcs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CwmpAcs.class);
    /** Kubernetes takes up to a minute to update a mounted Secret; checking every 30 s adds little to that. */
    private static final long KEY_STORE_POLL_SECONDS = 30;
    /** How often devices waiting for a Connection Request get their next chance (the global rate refills meanwhile). */
    private static final long WAKE_UP_RETRY_MILLIS = 200;

    private final CwmpAcsConfig config;
    private final CwmpSessionEngine engine;
    private final CwmpSessionHandler handler;
    private final CwmpOperations operations;
    private final CwmpDeviceGateway gateway;
    private final ConnectedWindow connectedWindow;
    private final CwmpDeviceRegistry devices;
    private final DeviceEventBus events = new DeviceEventBus();
    private final ConnectionRequester connectionRequester;
    /** The ACS's one timer thread: session sweep, sync retries, held-back Connection Requests; nothing on it blocks. */
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private volatile DeviceHttpServer server;

    public CwmpAcs(CwmpAcsConfig config, TwinStore twins, CredentialStore credentials, MeterRegistry registry,
                   Clock clock) {
        this.config = config;
        this.clock = clock;
        this.devices = new CwmpDeviceRegistry(config.maxQueuedRpcsPerDevice());
        CwmpMetrics metrics = new CwmpMetrics(registry);
        ScheduledThreadPoolExecutor timerThread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cwmp-acs-timers");
            thread.setDaemon(true);
            return thread;
        });
        // cancelled sync retries leave the queue at once instead of waiting out their delay
        timerThread.setRemoveOnCancelPolicy(true);
        this.timers = timerThread;
        SyncRetryScheduler retries = new SyncRetryScheduler(config.sync().retry(), timers, this::wakeUp,
                device -> devices.find(device.id()).orElse(null) == device, clock, registry);
        TwinSynchronizer synchronizer = new TwinSynchronizer(twins, config.sync(), events, retries, clock,
                registry);
        this.engine = new CwmpSessionEngine(config, new CwmpCodec(config.limits()), devices,
                new CpeAuthenticator(credentials, config.authMode(), config.realm(), clock, registry),
                new InformProcessor(twins, events, clock), new CpeRequestResponder(events, clock), synchronizer,
                metrics, System::nanoTime);
        this.handler = new CwmpSessionHandler(config, engine, metrics);
        this.connectionRequester = new ConnectionRequester(credentials, config.connectionRequests(),
                new ConnectionRequestRateLimiter(config.connectionRequests(), clock), registry);
        this.operations = new CwmpOperations(devices, engine, connectionRequester);
        Gauge.builder("cpe.cwmp.connection.requests.waiting", operations, CwmpOperations::waitingForWakeUp)
                .description("Devices with operations queued whose Connection Request waits for the rate limits")
                .register(registry);
        this.connectedWindow = new ConnectedWindow(twins, config.connectedWindow());
        this.gateway = new CwmpDeviceGateway(twins, devices, operations, synchronizer.fetcher(), events,
                connectedWindow, clock);
        long period = Math.max(50, Math.min(5_000, config.sessionTimeout().toMillis() / 4));
        timers.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::retryWakeUps, WAKE_UP_RETRY_MILLIS, WAKE_UP_RETRY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void retryWakeUps() {
        try {
            operations.retryWaiting();
        } catch (RuntimeException e) {
            // an exception would end the schedule
            LOG.error("retrying connection requests failed", e);
        }
    }

    private CompletableFuture<ConnectionRequestOutcome> wakeUp(DeviceId id) {
        return operations.wakeUp(id);
    }

    private void sweep() {
        try {
            engine.expireIdleSessions();
            reportSilentDevices();
        } catch (RuntimeException e) {
            LOG.error("session sweep failed", e);
        }
    }

    /** Devices that missed their periodic sessions (see {@link ConnectedWindow}) are reported once. */
    private void reportSilentDevices() {
        Instant now = clock.instant();
        for (CwmpDevice device : devices.all()) {
            if (device.markDisconnectedIfSilentSince(connectedWindow.silentSince(device, now))) {
                events.publish(new DeviceEvent.Disconnected(device.id(), now, connectedWindow.reason(device)));
            }
        }
    }

    /** The endpoint handler, for mounting on a server the caller runs. */
    public Handler handler() {
        return handler;
    }

    public CwmpDeviceGateway gateway() {
        return gateway;
    }

    /** The configuration this ACS runs with. */
    public CwmpAcsConfig config() {
        return config;
    }

    public CwmpOperations operations() {
        return operations;
    }

    public Subscription subscribe(DeviceEventListener listener) {
        return events.subscribe(listener);
    }

    public int activeSessions() {
        return engine.activeSessions();
    }

    /** Starts a dedicated Jetty server with an HTTP listener (unless port is -1) and the HTTPS one if configured. */
    public synchronized void start() throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        server = DeviceHttpServer.start("cwmp-acs", 200, config.host(), config.port(), config.tls(),
                config.sessionTimeout(), handler);
        if (server.hasTls()) {
            timers.scheduleWithFixedDelay(this::reloadTlsKeyStoreIfChanged, KEY_STORE_POLL_SECONDS,
                    KEY_STORE_POLL_SECONDS, TimeUnit.SECONDS);
        }
        LOG.info("CWMP ACS listening: http port {}, https port {}, path {}", httpPort(), httpsPort(), config.path());
    }

    /**
     * Swaps a changed key store file in for new HTTPS connections (checked every {@value #KEY_STORE_POLL_SECONDS}
     * s); false when there is none, it did not change or it cannot be used.
     */
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
        timers.shutdownNow();
        if (server != null) {
            server.close();
            server = null;
        }
        engine.endAll();
        connectionRequester.close();
        DeviceOperationException stopped = new DeviceOperationException(DeviceOperationException.CANCELLED,
                "ACS stopped");
        devices.all().forEach(device -> device.queue().cancelAll(stopped));
    }
}
