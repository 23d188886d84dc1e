package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.device.DeviceConditions;
import io.cpeoperator.operator.qoe.signals.Evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status view of an assessment: {@code status.qoe} (score, grade, factor scores, the top findings, the report)
 * and the QoEHealthy condition, whose reason is the top finding's code and whose message carries no fast-moving
 * numbers, so the condition changes only when its meaning does.
 */
public final class QoeStatusMapper {

    public static final String REASON_HEALTHY = "Healthy";
    public static final String REASON_INSUFFICIENT_DATA = "InsufficientData";
    public static final String REASON_LOW_SCORE = "LowScore";
    static final int MAX_FINDINGS = 5;
    static final int MAX_EVIDENCE = 3;
    static final int MAX_NOT_ASSESSED = 10;

    private QoeStatusMapper() {
    }

    public static QoeStatus status(QoeAssessment assessment) {
        QoeStatus status = new QoeStatus();
        assessment.score().ifPresent(status::setScore);
        assessment.grade().ifPresent(g -> status.setGrade(g.label()));
        Map<String, Integer> factors = new LinkedHashMap<>();
        for (FactorResult factor : assessment.factors()) {
            factor.score().ifPresent(score -> factors.put(factor.factor().key(), score));
        }
        status.setFactors(factors.isEmpty() ? null : factors);
        List<String> notAssessed = assessment.notAssessed();
        status.setNotAssessed(notAssessed.isEmpty() ? null
                : new ArrayList<>(notAssessed.subList(0, Math.min(MAX_NOT_ASSESSED, notAssessed.size()))));
        List<QoeFinding> findings = new ArrayList<>();
        for (Finding finding : assessment.findings()) {
            if (findings.size() == MAX_FINDINGS) {
                break;
            }
            findings.add(finding(finding));
        }
        status.setFindings(findings.isEmpty() ? null : findings);
        status.setReport(assessment.report());
        status.setEvaluatedAt(Conditions.format(assessment.evaluatedAt()));
        return status;
    }

    private static QoeFinding finding(Finding finding) {
        QoeFinding status = new QoeFinding();
        status.setCode(finding.code());
        status.setSeverity(finding.severity().label());
        status.setMessage(finding.message());
        status.setAction(finding.action());
        List<String> evidence = new ArrayList<>();
        for (Evidence item : finding.evidence()) {
            if (evidence.size() == MAX_EVIDENCE) {
                evidence.add("(+" + (finding.evidence().size() - MAX_EVIDENCE) + " more in the QoE API)");
                break;
            }
            evidence.add(item.text());
        }
        status.setEvidence(evidence.isEmpty() ? null : String.join("; ", evidence));
        return status;
    }

    public static DesiredCondition condition(QoeAssessment assessment) {
        return switch (assessment.verdict()) {
            case HEALTHY -> DesiredCondition.isTrue(DeviceConditions.QOE_HEALTHY, REASON_HEALTHY,
                    "No check finds a problem; the experience is " + assessment.grade().get().label()
                            .toLowerCase() + ".");
            case DEGRADED -> assessment.topFinding()
                    .map(top -> DesiredCondition.isFalse(DeviceConditions.QOE_HEALTHY, top.code(),
                            top.headline() + " See status.qoe for the evidence and what to do."))
                    .orElseGet(() -> DesiredCondition.isFalse(DeviceConditions.QOE_HEALTHY, REASON_LOW_SCORE,
                            "No single check fails, but together they score below the healthy mark."));
            case INSUFFICIENT_DATA -> DesiredCondition.unknown(DeviceConditions.QOE_HEALTHY,
                    REASON_INSUFFICIENT_DATA, "Too little of what the QoE checks need is known to score the device; "
                            + "status.qoe.notAssessed says what is missing.");
        };
    }

    /** Before the first assessment. */
    public static DesiredCondition notYetReported() {
        return DesiredCondition.unknown(DeviceConditions.QOE_HEALTHY, Conditions.NOT_YET_REPORTED,
                "The device's QoE has not been evaluated since the operator started.");
    }
}
