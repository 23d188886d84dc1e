package io.cpeoperator.operator.qoe;

import io.cpeoperator.operator.qoe.checks.MeshChecks;
import io.cpeoperator.operator.qoe.checks.SystemChecks;
import io.cpeoperator.operator.qoe.checks.WanChecks;
import io.cpeoperator.operator.qoe.checks.WifiChecks;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.report.PlainReportWriter;
import io.cpeoperator.operator.qoe.signals.DeviceSignals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a device's signals and history into a {@link QoeAssessment}: every check of every factor, factor scores,
 * the weighted overall score, findings in order of importance, what could not be assessed, and the report. Pure: no
 * device calls, no clock but the one in the signals.
 *
 * <p>The overall score is the weighted mean of the assessed factors (weights from the thresholds); factors that could
 * not be assessed are left out, never counted as good. With fewer than {@value #MIN_FACTORS} assessed factors there
 * is no score: a verdict on one aspect would flatter the device.
 */
public final class QoeEvaluator {

    static final int MIN_FACTORS = 2;
    private static final Comparator<Finding> IMPORTANCE = Comparator
            .comparing((Finding f) -> f.severity().ordinal()).reversed()
            .thenComparingInt(Finding::score)
            .thenComparing(Finding::code);

    private final PlainReportWriter writer = new PlainReportWriter();

    public QoeAssessment evaluate(DeviceSignals signals, DeviceHistory history, QoeThresholds thresholds) {
        List<FactorResult> factors = List.of(
                FactorResult.of(Factor.WIFI, new WifiChecks(thresholds).run(signals.wifi())),
                FactorResult.of(Factor.WAN, new WanChecks(thresholds).run(signals.wan(), signals.system(), history,
                        signals.readAt())),
                FactorResult.of(Factor.SYSTEM, new SystemChecks(thresholds).run(signals.system(), history,
                        signals.readAt())),
                FactorResult.of(Factor.MESH, new MeshChecks(thresholds).run(signals.mesh())));
        List<Finding> findings = new ArrayList<>();
        List<String> notAssessed = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        int assessed = 0;
        for (FactorResult factor : factors) {
            for (CheckResult check : factor.checks()) {
                check.finding().ifPresent(findings::add);
                if (check.state() == CheckResult.State.UNKNOWN || check.state() == CheckResult.State.NOT_YET_ASSESSED) {
                    notAssessed.add(factor.factor().key() + "." + check.check() + ": " + check.observation());
                }
            }
            if (factor.assessed()) {
                assessed++;
                int weight = thresholds.weights().getOrDefault(factor.factor(), 0);
                weighted += weight * factor.score().get();
                weights += weight;
            }
        }
        findings.sort(IMPORTANCE);
        Optional<Integer> score = assessed >= MIN_FACTORS && weights > 0
                ? Optional.of((int) Math.round(weighted / weights)) : Optional.empty();
        Optional<Grade> grade = score.map(Grade::of);
        boolean serious = findings.stream().anyMatch(f -> f.severity() != Severity.INFO);
        QoeAssessment.Verdict verdict = score.isEmpty() ? QoeAssessment.Verdict.INSUFFICIENT_DATA
                : serious || score.get() < thresholds.healthyScore() ? QoeAssessment.Verdict.DEGRADED
                : QoeAssessment.Verdict.HEALTHY;
        QoeAssessment assessment = new QoeAssessment(signals.readAt(), signals.dataModel(), score, grade, verdict,
                factors, findings, notAssessed, "");
        return assessment.withReport(writer.write(assessment));
    }
}
