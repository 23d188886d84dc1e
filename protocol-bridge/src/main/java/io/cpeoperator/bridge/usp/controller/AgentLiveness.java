package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventBus;
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
 * per agent: a fleet of 100,000 agents costs one pass of cheap reads every few seconds.
 */
final class AgentLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLiveness.class);
    private static final long MIN_SWEEP_MILLIS = 100;
    private static final long MAX_SWEEP_MILLIS = 30_000;

    private final AgentSessions sessions;
    private final DeviceEventBus events;
    private final UspMetrics metrics;
    private final Clock clock;
    private final long graceMillis;

    AgentLiveness(AgentSessions sessions, DeviceEventBus events, UspMetrics metrics, Clock clock, Duration grace) {
        this.sessions = sessions;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.graceMillis = grace.toMillis();
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
                    LOG.info("{} disconnected: {}", session.deviceId(), reason);
                    events.publish(new DeviceEvent.Disconnected(session.deviceId(), clock.instant(), reason));
                }
            }
        } catch (RuntimeException e) {
            // a failed sweep must not cancel the schedule (an exception would end scheduleWithFixedDelay)
            LOG.error("liveness sweep failed", e);
        }
        return reported;
    }
}
