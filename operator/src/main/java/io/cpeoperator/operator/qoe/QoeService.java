package io.cpeoperator.operator.qoe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.RefreshSchedule;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.history.HistoryStore;
import io.cpeoperator.operator.qoe.report.ReportRephraser;
import io.cpeoperator.operator.qoe.signals.DeviceSignals;
import io.cpeoperator.operator.qoe.signals.SignalReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Evaluates devices' QoE when their twin changed, at most once per {@code minInterval} (plus a fixed per-device
 * spread of up to a quarter of it) per device, and keeps the last
 * assessment of each for status and the QoE API. A change inside the interval is not lost: the caller is told when
 * to look again. A device whose twin did not change since its last evaluation is not evaluated again.
 *
 * <p>Prometheus: {@code cpe_qoe_evaluations_total}, {@code cpe_qoe_evaluation_seconds}, {@code cpe_qoe_score} (a
 * histogram of the scores evaluated) and {@code cpe_qoe_findings_total{code}} (a finding appearing on a device, not
 * every evaluation that still sees it).
 */
public final class QoeService implements AutoCloseable {

    /** What the reconciler gets: the assessment to show, and when to ask again (null: when the twin changes). */
    public record Evaluation(Optional<QoeAssessment> assessment, Duration retryAfter) {
    }

    private record Last(QoeAssessment assessment, Instant at) {
    }

    private final TwinStore twins;
    private final SignalReader reader = new SignalReader();
    private final QoeEvaluator evaluator = new QoeEvaluator();
    private final HistoryStore histories;
    private final ReportRephraser rephraser;
    private final Clock clock;
    private final Duration minInterval;
    private final RefreshSchedule spread;
    private final Cache<DeviceId, Last> latest;
    private final Set<DeviceId> changed = ConcurrentHashMap.newKeySet();
    private final Subscription subscription;
    private final MeterRegistry registry;
    private final Counter evaluations;
    private final DistributionSummary scores;
    private final Timer duration;
    private volatile Consumer<DeviceId> lookAgain = id -> { };

    public QoeService(TwinStore twins, ReportRephraser rephraser, Clock clock, Duration minInterval,
                      MeterRegistry registry) {
        this.twins = twins;
        this.rephraser = rephraser;
        this.clock = clock;
        this.minInterval = minInterval;
        this.spread = minInterval.isZero() ? null : new RefreshSchedule(minInterval, 0.25);
        this.registry = registry;
        this.histories = new HistoryStore(2_000_000);
        this.latest = Caffeine.newBuilder().maximumSize(2_000_000).expireAfterAccess(Duration.ofDays(1)).build();
        // a bridge may apply a read without a device event (a USP Get answer): the change itself asks for a look
        this.subscription = twins.addListener((id, changes) -> markChanged(id));
        rephraser.onReady(this::markChanged);
        this.evaluations = Counter.builder("cpe.qoe.evaluations").description("QoE evaluations of devices")
                .register(registry);
        this.scores = DistributionSummary.builder("cpe.qoe.score").description("QoE scores evaluated (0-100)")
                .serviceLevelObjectives(10, 20, 30, 40, 50, 60, 70, 75, 80, 90, 95, 100).register(registry);
        this.duration = Timer.builder("cpe.qoe.evaluation").description("Time to evaluate one device's QoE")
                .register(registry);
    }

    /** Who triggers a device's reconcile when something arrives outside a twin change (a reworded report). */
    public void lookAgain(Consumer<DeviceId> trigger) {
        this.lookAgain = trigger;
    }

    /**
     * A re-read of the device's telemetry finished: evaluate again even if no value changed, since the readings are
     * newer (a CPU that stays at 95 % is sustained only if it is seen there twice).
     */
    public void telemetryArrived(DeviceId id) {
        markChanged(id);
    }

    /** Marks the device for evaluation and asks for a reconcile once per pending evaluation, not per change. */
    private void markChanged(DeviceId id) {
        if (changed.add(id)) {
            lookAgain.accept(id);
        }
    }

    /** Evaluates the device if its twin changed and the interval allows; else returns the last assessment. */
    public Evaluation evaluate(DeviceId id, QoeThresholds thresholds) {
        Instant now = clock.instant();
        Last last = latest.getIfPresent(id);
        boolean dirty = changed.contains(id);
        if (last != null && !dirty) {
            return new Evaluation(Optional.of(last.assessment()), null);
        }
        Instant next = last == null ? now : last.at().plus(intervalOf(id));
        if (now.isBefore(next)) {
            return new Evaluation(Optional.of(last.assessment()), Duration.between(now, next));
        }
        changed.remove(id);
        Optional<DeviceSignals> signals = reader.read(twins, id, now);
        if (signals.isEmpty()) {
            return new Evaluation(Optional.empty(), null);
        }
        long started = System.nanoTime();
        DeviceHistory history = histories.of(id);
        history.record(signals.get());
        QoeAssessment assessment = evaluator.evaluate(signals.get(), history, thresholds);
        duration.record(Duration.ofNanos(System.nanoTime() - started));
        assessment = assessment.withReport(rephraser.rephrase(id, assessment));
        count(last == null ? null : last.assessment(), assessment);
        latest.put(id, new Last(assessment, now));
        return new Evaluation(Optional.of(assessment), null);
    }

    /**
     * The device's own interval: {@code minInterval} plus up to a quarter more, fixed per device, so that devices
     * evaluated together once (an operator start) do not stay in lockstep, every window ending in the same second.
     */
    private Duration intervalOf(DeviceId id) {
        return spread == null ? minInterval : minInterval.plus(spread.jitter(id));
    }

    /** The last assessment of the device, for the QoE API. */
    public Optional<QoeAssessment> latest(DeviceId id) {
        return Optional.ofNullable(latest.getIfPresent(id)).map(Last::assessment);
    }

    public void forget(DeviceId id) {
        latest.invalidate(id);
        histories.forget(id);
        changed.remove(id);
        rephraser.forget(id);
    }

    private void count(QoeAssessment before, QoeAssessment after) {
        evaluations.increment();
        after.score().ifPresent(scores::record);
        Set<String> known = new HashSet<>();
        if (before != null) {
            before.findings().forEach(f -> known.add(f.code()));
        }
        for (Finding finding : after.findings()) {
            if (known.add(finding.code())) {
                Counter.builder("cpe.qoe.findings").tag("code", finding.code())
                        .description("QoE findings that appeared on a device, by code").register(registry).increment();
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
        rephraser.close();
    }
}
