package io.cpeoperator.simulator.usp;

import io.cpeoperator.simulator.device.VirtualDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent's heartbeat: while an enabled Event subscription covers {@code Device.LocalAgent.Periodic!}, a
 * Periodic! event every {@code PeriodicNotifInterval} seconds of the subscription's recipient (its
 * {@code Device.LocalAgent.Controller.{i}.} entry), as TR-181 describes. One task on the simulator's shared
 * scheduler per agent that has a subscriber, re-armed when the interval or the subscriptions change, stopped when
 * the device goes down. The interval is in real seconds, not the simulator's compressed time: it is the controller's
 * clock that judges whether the agent is still there.
 */
final class PeriodicNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicNotifications.class);
    static final String OBJECT = "Device.LocalAgent.";
    static final String EVENT = "Periodic!";
    private static final String INTERVAL = "PeriodicNotifInterval";

    private final VirtualDevice device;
    private final ScheduledExecutorService scheduler;
    private final UspNotifier notifier;
    // guarded by this
    private boolean active;
    private ScheduledFuture<?> beat;
    private long armedSeconds;

    PeriodicNotifications(VirtualDevice device, ScheduledExecutorService scheduler, UspNotifier notifier) {
        this.device = device;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    /** The agent is connected: beats from now on, while subscribed. */
    synchronized void start() {
        active = true;
        rearm();
    }

    /**
     * Looks at the subscriptions and the interval again; restarts the beat only when the interval changed. Does
     * nothing while the agent is down, so a request handled as it goes down cannot restart the beat.
     */
    synchronized void rearm() {
        long seconds = active ? wantedSeconds() : 0;
        if (seconds == armedSeconds) {
            return;
        }
        cancel();
        armedSeconds = seconds;
        if (seconds > 0) {
            beat = scheduler.scheduleAtFixedRate(this::beat, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    synchronized void stop() {
        active = false;
        cancel();
        armedSeconds = 0;
    }

    synchronized boolean isBeating() {
        return beat != null;
    }

    private void cancel() {
        if (beat != null) {
            beat.cancel(false);
            beat = null;
        }
    }

    private void beat() {
        try {
            notifier.event(OBJECT, EVENT, Map.of());
        } catch (RuntimeException e) {
            // an exception would end the fixed-rate task for good
            LOG.warn("{} Periodic! notification failed", device.id(), e);
        }
    }

    /** The recipient's interval in seconds; 0 when nothing subscribed or the interval is unusable. */
    private long wantedSeconds() {
        Optional<String> recipient = notifier.recipientOf("Event", OBJECT + EVENT);
        if (recipient.isEmpty()) {
            return 0;
        }
        String controller = recipient.get().endsWith(".") ? recipient.get() : recipient.get() + ".";
        try {
            return Math.max(0, Long.parseLong(device.valueOf(controller + INTERVAL)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
