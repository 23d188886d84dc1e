package io.cpeoperator.operator.qoe;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Protocol;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.RefreshSchedule;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps fresh, in the twin, what the QoE checks read: every {@code interval} each connected, synchronised device has
 * its QoE subtrees re-read (client signals, noise, diagnostics results, WAN counters, PPP, DHCP, CPU, memory). A USP
 * agent gets one Get for all of them; a CWMP device a walk of each subtree, all in one session that a Connection
 * Request asks for (the ACS's fleet-wide rate limit applies). Devices are spread over the interval by their identity,
 * so a fleet does not refresh in the same second. The re-reads change the twin, and the twin changes trigger the
 * evaluations.
 */
public final class TelemetryRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryRefresher.class);
    static final List<String> TR181_SUBTREES = List.of("Device.WiFi.", "Device.DeviceInfo.",
            "Device.IP.Diagnostics.", "Device.IP.Interface.", "Device.PPP.Interface.", "Device.DHCPv4.Server.Pool.",
            "Device.Hosts.");
    static final List<String> TR098_SUBTREES = List.of("InternetGatewayDevice.LANDevice.",
            "InternetGatewayDevice.DeviceInfo.", "InternetGatewayDevice.IPPingDiagnostics.",
            "InternetGatewayDevice.WANDevice.");
    /** Devices refreshed per tick at most: a fleet that falls behind catches up over the next ticks. */
    static final int MAX_PER_TICK = 500;

    private final DeviceGateway gateway;
    private final Clock clock;
    private final Duration interval;
    private final RefreshSchedule schedule;
    private final Map<DeviceId, Instant> due = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Subscription subscription;
    private final Counter requested;
    private final Counter failed;
    private final Consumer<DeviceId> refreshed;

    /** @param refreshed told of each device whose re-read finished (values may be unchanged, but newer) */
    public TelemetryRefresher(DeviceGateway gateway, Clock clock, Duration interval, MeterRegistry registry,
                              Consumer<DeviceId> refreshed) {
        this.gateway = gateway;
        this.refreshed = refreshed;
        this.clock = clock;
        this.interval = interval;
        this.schedule = new RefreshSchedule(interval, 1.0);
        this.requested = Counter.builder("cpe.qoe.telemetry.refreshes").tag("outcome", "requested")
                .description("QoE telemetry re-reads of a device, by outcome").register(registry);
        this.failed = Counter.builder("cpe.qoe.telemetry.refreshes").tag("outcome", "failed")
                .description("QoE telemetry re-reads of a device, by outcome").register(registry);
        this.subscription = gateway.subscribe(this::onEvent);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "qoe-telemetry");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(100, Math.min(1000, interval.toMillis() / 10));
        timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void onEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.Synced synced) {
            // the first re-read one interval (less the device's jitter) after the full sync
            due.putIfAbsent(synced.deviceId(), clock.instant().plus(schedule.maxAgeFor(synced.deviceId())));
        } else if (event instanceof DeviceEvent.TwinEvicted evicted) {
            due.remove(evicted.deviceId());
        }
    }

    void tick() {
        try {
            Instant now = clock.instant();
            List<DeviceId> ready = new ArrayList<>();
            for (Map.Entry<DeviceId, Instant> entry : due.entrySet()) {
                if (!entry.getValue().isAfter(now)) {
                    ready.add(entry.getKey());
                    if (ready.size() == MAX_PER_TICK) {
                        break;
                    }
                }
            }
            for (DeviceId id : ready) {
                due.put(id, now.plus(interval));
                refresh(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("QoE telemetry refresh round failed: {}", e.toString());
        }
    }

    private void refresh(DeviceId id) {
        TwinStore twins = gateway.twins();
        if (!twins.contains(id)) {
            due.remove(id);
            return;
        }
        if (!gateway.isConnected(id) || twins.needsFullSync(id)) {
            return;
        }
        List<String> subtrees = new ArrayList<>();
        boolean tr098 = twins.get(id, "InternetGatewayDevice.DeviceInfo.SoftwareVersion").isPresent();
        for (String subtree : tr098 ? TR098_SUBTREES : TR181_SUBTREES) {
            if (!twins.read(id, subtree).isEmpty()) {
                subtrees.add(subtree);
            }
        }
        if (subtrees.isEmpty()) {
            return;
        }
        requested.increment();
        try {
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            if (id.protocol() == Protocol.USP) {
                reads.add(gateway.refresh(id, subtrees).toCompletableFuture());
            } else {
                for (String subtree : subtrees) {
                    reads.add(gateway.refresh(id, subtree).toCompletableFuture());
                }
            }
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
                if (error != null) {
                    failed.increment();
                    LOG.debug("{}: QoE telemetry re-read failed: {}", id, error.toString());
                }
                // what did arrive is newer, even when a subtree failed
                refreshed.accept(id);
            });
        } catch (RuntimeException e) {
            failed.increment();
            LOG.debug("{}: QoE telemetry re-read failed: {}", id, e.toString());
        }
    }

    @Override
    public void close() {
        subscription.close();
        timer.shutdownNow();
    }
}
