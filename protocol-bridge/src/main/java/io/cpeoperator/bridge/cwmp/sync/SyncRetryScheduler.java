package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestOutcome;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.SyncRetryState;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.logging.FleetLogBudget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Asks a device whose full sync failed for a passing reason for a new session soon, with a Connection Request on a
 * jittered, doubling backoff, instead of leaving it unsynchronised until its next periodic Inform (often hours).
 * Attempts are Connection Requests; they are bounded per device and start again from the first after a successful
 * sync. A device that comes by itself first is synced in that session and its timer is cancelled. All timers share
 * the ACS's one scheduler thread: a pending retry is one queued task, so 100,000 of them cost little.
 */
public final class SyncRetryScheduler {

    /** How the ACS asks a device for a session now: its Connection Request path, rate limiter included. */
    @FunctionalInterface
    public interface SessionRequester {
        CompletableFuture<ConnectionRequestOutcome> wakeUp(DeviceId id);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncRetryScheduler.class);

    private final SyncRetryPolicy policy;
    private final ScheduledExecutorService timers;
    private final SessionRequester sessions;
    private final Predicate<CwmpDevice> stillKnown;
    private final Clock clock;
    private final FleetLogBudget logBudget;
    private final Counter scheduled;
    private final Counter requested;
    private final Counter skipped;
    private final Counter givenUp;
    private final Counter notRetried;

    /**
     * @param stillKnown true while the device has not been forgotten (a forgotten device is never woken)
     */
    public SyncRetryScheduler(SyncRetryPolicy policy, ScheduledExecutorService timers, SessionRequester sessions,
                              Predicate<CwmpDevice> stillKnown, Clock clock, MeterRegistry registry) {
        this.policy = policy;
        this.timers = timers;
        this.sessions = sessions;
        this.stillKnown = stillKnown;
        this.clock = clock;
        this.logBudget = new FleetLogBudget(clock, 100);
        this.scheduled = counter(registry, "scheduled");
        this.requested = counter(registry, "requested");
        this.skipped = counter(registry, "skipped");
        this.givenUp = counter(registry, "gave_up");
        this.notRetried = counter(registry, "permanent");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("cpe.cwmp.sync.retries").tag("outcome", outcome)
                .description("retries of failed full syncs by Connection Request").register(registry);
    }

    /** A full sync starts in a session the device opened (by itself or for a retry): no timer is needed now. */
    public void syncStarted(CwmpDevice device) {
        device.syncRetry().cancelPending();
    }

    public void syncSucceeded(CwmpDevice device) {
        SyncRetryState state = device.syncRetry();
        int attempts = state.attempts();
        if (attempts > 0) {
            LOG.info("{}: full sync done after {} retry Connection Request(s)", device.id(), attempts);
        }
        state.reset();
    }

    /** A full sync failed: decides by the kind of failure whether, and when, the device is asked again. */
    public void syncFailed(CwmpDevice device, Throwable failure) {
        SyncRetryState state = device.syncRetry();
        switch (SyncFailureKind.of(failure)) {
            case TRANSIENT -> {
                // owed even with retries off: the device's next session syncs although its twin looks whole
                state.failed(clock.instant());
                if (policy.enabled()) {
                    retryOrGiveUp(device);
                }
            }
            case PERMANENT -> {
                state.cancelPending();
                if (policy.enabled()) {
                    notRetried.increment();
                    log(device, "the failure looks permanent; not retried before the device's next session");
                }
            }
            case CANCELLED -> state.cancelPending();
        }
    }

    private void retryOrGiveUp(CwmpDevice device) {
        SyncRetryState state = device.syncRetry();
        if (state.gaveUp()) {
            return; // left to the device's own sessions until a sync succeeds
        }
        int attempts = state.attempts();
        if (attempts >= policy.maxAttempts()) {
            giveUp(device);
        } else if (schedule(device, attempts + 1)) {
            scheduled.increment();
        }
    }

    /** Sets the device's one retry timer; false when the ACS is stopping. */
    private boolean schedule(CwmpDevice device, int attempt) {
        Duration delay = policy.delayBefore(attempt, ThreadLocalRandom.current().nextDouble());
        try {
            device.syncRetry().pending(timers.schedule(() -> fire(device), delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            return false;
        }
        LOG.debug("{}: full sync retry {} of {} in {}", device.id(), attempt, policy.maxAttempts(), delay);
        return true;
    }

    private void fire(CwmpDevice device) {
        try {
            SyncRetryState state = device.syncRetry();
            if (!state.owed() || state.gaveUp() || device.syncInProgress() || !stillKnown.test(device)) {
                // synced, syncing or forgotten since the timer was set
                skipped.increment();
                return;
            }
            if (state.attempts() >= policy.maxAttempts()) {
                // the last Connection Request brought no session that synced
                giveUp(device);
                return;
            }
            int attempt = state.attempted();
            requested.increment();
            LOG.debug("{}: full sync retry {}: asking for a session", device.id(), attempt);
            sessions.wakeUp(device.id()).whenComplete((outcome, failure) -> afterRequest(device, outcome));
        } catch (RuntimeException e) {
            LOG.warn("{}: full sync retry failed", device.id(), e);
        }
    }

    /**
     * The Connection Request went out (or could not). A session it brings cancels or replaces the next timer set
     * here; the timer is the fallback for a device that does not come (request lost, rate-limited, unreachable).
     */
    private void afterRequest(CwmpDevice device, ConnectionRequestOutcome outcome) {
        SyncRetryState state = device.syncRetry();
        if (outcome == ConnectionRequestOutcome.NO_URL || outcome == ConnectionRequestOutcome.AUTH_FAILED) {
            // the next request would fare no better; the device's own next session will sync
            if (state.giveUp()) {
                givenUp.increment();
                log(device, "cannot ask the device for a session (" + outcome + "); waiting for its next session");
            }
            return;
        }
        if (state.owed() && !state.gaveUp() && !device.syncInProgress()) {
            // not counted as scheduled: most such timers are cancelled by the session the request brings
            schedule(device, state.attempts() + 1);
        }
    }

    private void giveUp(CwmpDevice device) {
        SyncRetryState state = device.syncRetry();
        if (!state.giveUp()) {
            return; // said once per series of failures
        }
        givenUp.increment();
        log(device, "still failing after " + state.attempts() + " retry Connection Request(s) since "
                + state.owedSince().map(Object::toString).orElse("?") + "; waiting for the device's next session");
    }

    private void log(CwmpDevice device, String message) {
        long heldBack = logBudget.take();
        if (heldBack < 0) {
            LOG.debug("{}: full sync: {}", device.id(), message);
        } else if (heldBack > 0) {
            LOG.info("{}: full sync: {} ({} similar lines held back)", device.id(), message, heldBack);
        } else {
            LOG.info("{}: full sync: {}", device.id(), message);
        }
    }
}
