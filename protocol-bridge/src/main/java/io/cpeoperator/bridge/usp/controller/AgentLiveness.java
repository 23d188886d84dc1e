package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.logging.FleetLogBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds agents that went silent without saying so (power cut, network gone, a broker without a will message):
 * every agent set up for Periodic! heartbeats must be heard from within the grace period, or it is reported
 * {@link DeviceEvent.Disconnected}. One sweep over all sessions on the controller's timer thread instead of a timer
 * per agent: a fleet of 100,000 agents costs one pass of cheap reads every few seconds. When a broker or a region
 * goes down, all its agents go silent in the same sweep: the first few are named in the log, the rest are one summary
 * line per sweep (each is still counted and published as an event).
 */
final class AgentLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLiveness.class);
    private static final long MIN_SWEEP_MILLIS = 100;
    private static final long MAX_SWEEP_MILLIS = 30_000;
    /** Silent agents named in the log per minute, fleet-wide. */
    static final int NAMED_PER_MINUTE = 20;

    private final AgentSessions sessions;
    private final DeviceEventBus events;
    private final UspMetrics metrics;
    private final Clock clock;
    private final long graceMillis;
    private final FleetLogBudget logBudget;

    AgentLiveness(AgentSessions sessions, DeviceEventBus events, UspMetrics metrics, Clock clock, Duration grace) {
        this.sessions = sessions;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.graceMillis = grace.toMillis();
        this.logBudget = new FleetLogBudget(clock, NAMED_PER_MINUTE);
    }

    /** Sweeps a few times per grace period, so a silent agent is reported at most ~a fifth of the grace late. */
    void start(ScheduledExecutorService timer) {
        long period = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, graceMillis / 5));
        timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Reports every heartbeat agent silent for longer than the grace; returns how many were reported. */
    int sweep() {
        int reported = 0;
        try {
            long now = clock.millis();
            long deadline = now - graceMillis;
            for (AgentSession session : sessions.all()) {
                if (session.heartbeatExpected() && session.markSilentIfQuietSince(deadline)) {
                    reported++;
                    metrics.agentSilent();
                    long silentSeconds = (now - session.lastHeardMillis()) / 1000;
                    String reason = "no Periodic! notification for " + silentSeconds + " s";
                    log(session, reason);
                    events.publish(new DeviceEvent.Disconnected(session.deviceId(), clock.instant(), reason));
                }
            }
        } catch (RuntimeException e) {
            // a failed sweep must not cancel the schedule (an exception would end scheduleWithFixedDelay)
            LOG.error("liveness sweep failed", e);
        }
        long unnamed = logBudget.takeHeldBack();
        if (unnamed > 0) {
            LOG.info("... and {} more agents went silent in this sweep ({} in all; at most {} are named a minute)",
                    unnamed, reported, NAMED_PER_MINUTE);
        }
        return reported;
    }

    private void log(AgentSession session, String reason) {
        if (logBudget.take() < 0) {
            LOG.debug("{} disconnected: {}", session.deviceId(), reason);
        } else {
            LOG.info("{} disconnected: {}", session.deviceId(), reason);
        }
    }
}
