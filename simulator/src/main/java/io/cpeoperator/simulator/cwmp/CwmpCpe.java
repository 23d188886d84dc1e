package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.ManagementAgent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CWMP side of one device: periodic Inform sessions, sessions on Connection Request, ScheduleInform and
 * transfer completion, boot events after every boot, and retries with the TR-069 back-off when the ACS is not
 * reachable. Events stay queued until a session delivered them. One session at a time; no thread of its own.
 */
public final class CwmpCpe implements ManagementAgent, CwmpSessionTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(CwmpCpe.class);
    private static final long MAX_RETRY_MILLIS = 300_000;
    /** How often watched values are compared (a real CPE polls its notification table, too). */
    private static final long VALUE_WATCH_MILLIS = 5_000;

    private final VirtualDevice device;
    private final DeviceLifecycle lifecycle;
    private final HttpClient http;
    private final CwmpCodec codec;
    private final CwmpSettings settings;
    private final CwmpRpcHandler handler;
    private final Counter sessions;
    private final Counter failures;
    private final Timer sessionTime;
    private final Map<String, String> pendingEvents = new LinkedHashMap<>();
    private final CwmpNotifications notifications;
    private final List<ParameterValueStruct> pendingChanges = new ArrayList<>();
    private ScheduledFuture<?> valueWatch;
    private boolean online;
    private boolean inSession;
    private boolean again;
    private int retries;
    private ScheduledFuture<?> periodic;
    private ScheduledFuture<?> retry;

    public CwmpCpe(DeviceLifecycle lifecycle, HttpClient http, CwmpCodec codec, CwmpSettings settings, MeterRegistry registry) {
        this.device = lifecycle.device();
        this.lifecycle = lifecycle;
        this.http = http;
        this.codec = codec;
        this.settings = settings;
        this.handler = new CwmpRpcHandler(lifecycle, this);
        this.notifications = new CwmpNotifications(device);
        this.sessions = registry.counter("cpe.sim.cwmp.sessions");
        this.failures = registry.counter("cpe.sim.cwmp.session.failures");
        this.sessionTime = registry.timer("cpe.sim.cwmp.session.duration");
    }

    @Override
    public DeviceId id() {
        return device.id();
    }

    @Override
    public synchronized void goOnline() {
        online = true;
        retries = 0;
        schedulePeriodic();
        notifications.rebaseline();
        valueWatch = lifecycle.scheduler().scheduleWithFixedDelay(this::checkValueChanges, VALUE_WATCH_MILLIS,
                VALUE_WATCH_MILLIS, TimeUnit.MILLISECONDS);
        startSession(null, null);
    }

    @Override
    public synchronized void goOffline() {
        online = false;
        cancel(periodic);
        cancel(retry);
        cancel(valueWatch);
        periodic = null;
        retry = null;
        valueWatch = null;
    }

    @Override
    public synchronized boolean isOnline() {
        return online;
    }

    /** The ACS knocked on the connection-request URL. */
    public void connectionRequest() {
        startSession("6 CONNECTION REQUEST", "");
    }

    @Override
    public void transferCompleted() {
        startSession("7 TRANSFER COMPLETE", "");
    }

    @Override
    public void diagnosticsCompleted() {
        startSession("8 DIAGNOSTICS COMPLETE", "");
    }

    @Override
    public void scheduled(long delaySeconds, String commandKey) {
        lifecycle.scheduler().schedule(() -> {
            synchronized (this) {
                pendingEvents.put("M ScheduleInform", commandKey);
            }
            startSession("3 SCHEDULED", "");
        }, Math.max(0, delaySeconds), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void periodicSettingsChanged() {
        if (online) {
            schedulePeriodic();
        }
        notifications.rebaseline();
    }

    @Override
    public void notificationsChanged() {
        notifications.rebaseline();
    }

    /** Active notification: a changed watched value opens a "4 VALUE CHANGE" session. */
    private void checkValueChanges() {
        try {
            List<ParameterValueStruct> active = notifications.changedActive();
            if (!active.isEmpty()) {
                synchronized (this) {
                    pendingChanges.addAll(active);
                }
                startSession("4 VALUE CHANGE", "");
            }
        } catch (RuntimeException e) {
            LOG.warn("{} value-change check failed", device.id(), e);
        }
    }

    private void schedulePeriodic() {
        cancel(periodic);
        String root = device.schema().root();
        if (!"true".equals(device.valueOf(root + "ManagementServer.PeriodicInformEnable"))) {
            periodic = null;
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(device.valueOf(root + "ManagementServer.PeriodicInformInterval"));
        } catch (NumberFormatException | NullPointerException e) {
            seconds = settings.informInterval().toSeconds();
        }
        long millis = Math.max(1_000, seconds * 1000);
        // spread devices over the interval so a fleet does not inform in lockstep
        long phase = Math.floorMod(device.seed(), millis);
        periodic = lifecycle.scheduler().scheduleAtFixedRate(() -> startSession("2 PERIODIC", ""), phase + millis / 2,
                millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a session now (load generation); completes when it ended. When a session is already running the new
     * one is queued behind it and the future completes at once.
     */
    public CompletableFuture<Void> sessionNow(String eventCode) {
        return startSession(eventCode, "");
    }

    private CompletableFuture<Void> startSession(String eventCode, String commandKey) {
        List<EventStruct> events;
        List<ParameterValueStruct> changes;
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (!online) {
                done.completeExceptionally(new IllegalStateException("device is offline"));
                return done;
            }
            if (eventCode != null) {
                pendingEvents.putIfAbsent(eventCode, commandKey);
            }
            if (inSession) {
                again = true;
                done.complete(null);
                return done;
            }
            inSession = true;
            for (var boot : device.takePendingBoots()) {
                if (boot.cause() == BootCause.FACTORY_FRESH || boot.cause() == BootCause.REMOTE_FACTORY_RESET) {
                    pendingEvents.putIfAbsent("0 BOOTSTRAP", "");
                }
                pendingEvents.putIfAbsent("1 BOOT", "");
                if (boot.cause() == BootCause.REMOTE_REBOOT) {
                    pendingEvents.put("M Reboot", boot.commandKey());
                } else if (boot.cause() == BootCause.FIRMWARE_UPGRADE) {
                    pendingEvents.put("M Download", boot.commandKey());
                }
            }
            if (device.pendingTransfer() != null) {
                pendingEvents.putIfAbsent("7 TRANSFER COMPLETE", "");
            }
            if (pendingEvents.isEmpty()) {
                pendingEvents.put("2 PERIODIC", "");
            }
            events = new ArrayList<>();
            pendingEvents.forEach((code, key) -> events.add(new EventStruct(code, key)));
            changes = new ArrayList<>(pendingChanges);
            changes.addAll(notifications.takePending());
            pendingChanges.clear();
        }
        long started = System.nanoTime();
        sessions.increment();
        new CwmpSession(device, http, codec, settings, handler, events, changes, retries).run().whenComplete((after, error) -> {
            sessionTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (error == null) {
                finished(events, after);
                done.complete(null);
            } else {
                synchronized (this) {
                    // the changes were not delivered: they go with the retry
                    pendingChanges.addAll(0, changes);
                }
                failed(error);
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    private void finished(List<EventStruct> delivered, List<Runnable> after) {
        boolean runAgain;
        synchronized (this) {
            for (EventStruct event : delivered) {
                pendingEvents.remove(event.eventCode(), event.commandKey());
            }
            retries = 0;
            inSession = false;
            runAgain = again && online;
            again = false;
        }
        for (Runnable action : after) {
            action.run();
        }
        if (runAgain) {
            startSession(null, null);
        }
    }

    private void failed(Throwable error) {
        failures.increment();
        long delay;
        synchronized (this) {
            inSession = false;
            again = false;
            if (!online) {
                return;
            }
            retries++;
            // TR-069 3.2.1.1: minimum wait 5 s, multiplier 2, randomised, capped
            long base = Math.min(MAX_RETRY_MILLIS, 5_000L << Math.min(retries - 1, 6));
            delay = base + Math.floorMod(device.seed() + retries, Math.max(1, base / 2));
            cancel(retry);
            retry = lifecycle.scheduler().schedule(() -> startSession(null, null), delay, TimeUnit.MILLISECONDS);
        }
        LOG.debug("{} CWMP session failed (retry {} in {} ms): {}", device.id(), retries, delay, error.toString());
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
