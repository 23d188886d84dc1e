package io.cpeoperator.operator.device.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a computed status is written now, later, or not at all, so that the Kubernetes API is not a
 * time-series database: a material change is written at most once per {@code minInterval} per device (a later one
 * inside the window is deferred, never dropped); telemetry alone is written at most once per {@code refreshInterval}.
 * Under steady 1 Hz telemetry with nothing material changing a device thus costs 3600 / refreshInterval patches an
 * hour (12 with the default five minutes).
 * <p>
 * One exception to the window: a change that reports progress of something the user asked for (observedGeneration
 * moving, or a new outcome of ConfigApplied, FirmwareCurrent or a one-shot action; see {@link OperatorTransitions})
 * is written at once, because a user who edits {@code spec} waits for exactly that answer and ten seconds of silence
 * would be the operator's own making. Such writes inside the window draw on a small burst allowance
 * ({@value #TRANSITION_BURST} per window) so that a device flapping its values cannot turn this into a write storm:
 * a device never costs more than {@code 1 + TRANSITION_BURST} patches per window.
 */
public final class StatusWritePolicy {

    /** What to do with a computed status. */
    public sealed interface Decision {
        /** Nothing differs. */
        record Unchanged() implements Decision {
        }

        /** Patch now. */
        record Write(boolean material) implements Decision {
        }

        /** A material change inside the rate window: look again after {@code delay}. */
        record Defer(Duration delay) implements Decision {
        }

        /** Only telemetry differs and it was refreshed recently: keep what is stored. */
        record Skip(Duration untilRefresh) implements Decision {
        }
    }

    /** Transition writes allowed inside one window: Applying, Verifying and the final outcome of a spec change. */
    static final int TRANSITION_BURST = 3;

    /** The last write to a resource and how many transition writes were spent since the window opened. */
    private record Window(Instant lastWrite, int burstUsed) {
    }

    private final Clock clock;
    private final Duration minInterval;
    private final Duration refreshInterval;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /**
     * Statuses written in the last moments: the informer cache shows a write only after its watch event arrives, and
     * until then the written status, not the cached one, is what the API server holds.
     */
    private final Cache<String, CpeDeviceStatus> recentlyWritten = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Counter written;
    private final Counter avoided;
    private final Counter deferred;
    private final Counter changes;
    private final Counter transitions;

    public StatusWritePolicy(Clock clock, Duration minInterval, Duration refreshInterval, MeterRegistry registry) {
        this.clock = clock;
        this.minInterval = minInterval;
        this.refreshInterval = refreshInterval;
        this.written = Counter.builder("cpe.status.patches").tag("outcome", "written")
                .description("CpeDevice status patches, by outcome").register(registry);
        this.avoided = Counter.builder("cpe.status.patches").tag("outcome", "avoided")
                .description("CpeDevice status patches, by outcome").register(registry);
        this.deferred = Counter.builder("cpe.status.patches").tag("outcome", "deferred")
                .description("CpeDevice status patches, by outcome").register(registry);
        this.changes = Counter.builder("cpe.status.changes")
                .description("Computed status changes: what a one-patch-per-change design would write")
                .register(registry);
        this.transitions = Counter.builder("cpe.status.transitionWrites")
                .description("Status patches written inside the rate window because they report a spec outcome")
                .register(registry);
    }

    /**
     * @param key      the resource ({@code namespace/name})
     * @param stored   the status the API server holds
     * @param computed the status computed now
     */
    public Decision decide(String key, CpeDeviceStatus stored, CpeDeviceStatus computed) {
        if (MaterialStatus.full(stored).equals(MaterialStatus.full(computed))) {
            return new Decision.Unchanged();
        }
        changes.increment();
        Instant now = clock.instant();
        Window window = windows.get(key);
        Instant last = window == null ? null : window.lastWrite();
        boolean material = !MaterialStatus.materialPart(stored).equals(MaterialStatus.materialPart(computed));
        if (material) {
            if (last == null || !now.isBefore(last.plus(minInterval))) {
                return new Decision.Write(true);
            }
            if (OperatorTransitions.startsDownload(stored, computed)
                    || window.burstUsed() < TRANSITION_BURST && OperatorTransitions.reported(stored, computed)) {
                transitions.increment();
                return new Decision.Write(true);
            }
            deferred.increment();
            return new Decision.Defer(Duration.between(now, last.plus(minInterval)));
        }
        if (last == null || !now.isBefore(last.plus(refreshInterval))) {
            return new Decision.Write(false);
        }
        avoided.increment();
        return new Decision.Skip(Duration.between(now, last.plus(refreshInterval)));
    }

    /** Records a patch that was sent. */
    public void written(String key, CpeDeviceStatus status) {
        written.increment();
        Instant now = clock.instant();
        // a write inside the window can only be a transition write (decide allowed it): it spends the burst
        windows.compute(key, (k, window) -> window == null || !now.isBefore(window.lastWrite().plus(minInterval))
                ? new Window(now, 0) : new Window(now, window.burstUsed() + 1));
        recentlyWritten.put(key, status);
    }

    /** The status the API server holds: what was written moments ago when the cache does not show it yet. */
    public CpeDeviceStatus stored(String key, CpeDeviceStatus cached) {
        CpeDeviceStatus recent = recentlyWritten.getIfPresent(key);
        if (recent == null) {
            return cached;
        }
        if (MaterialStatus.full(recent).equals(MaterialStatus.full(cached))) {
            recentlyWritten.invalidate(key); // the cache caught up
            return cached;
        }
        return recent;
    }

    public void forget(String key) {
        windows.remove(key);
        recentlyWritten.invalidate(key);
    }

    public double patchesWritten() {
        return written.count();
    }

    public double patchesAvoided() {
        return avoided.count() + deferred.count();
    }

    public double statusChanges() {
        return changes.count();
    }
}
