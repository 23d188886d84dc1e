package io.cpeoperator.operator.qoe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The full assessment of one device at one moment: what the QoE API serves, and what status summarises.
 *
 * @param score       empty when too little is known to score honestly
 * @param findings    most important first
 * @param notAssessed what could not be judged and why, one line each
 * @param report      the plain-English report
 */
public record QoeAssessment(Instant evaluatedAt, String dataModel, Optional<Integer> score, Optional<Grade> grade,
                            Verdict verdict, List<FactorResult> factors, List<Finding> findings,
                            List<String> notAssessed, String report) {

    public QoeAssessment {
        factors = List.copyOf(factors);
        findings = List.copyOf(findings);
        notAssessed = List.copyOf(notAssessed);
    }

    /** What the QoEHealthy condition says. */
    public enum Verdict {
        HEALTHY,
        DEGRADED,
        INSUFFICIENT_DATA
    }

    public QoeAssessment withReport(String newReport) {
        return new QoeAssessment(evaluatedAt, dataModel, score, grade, verdict, factors, findings, notAssessed,
                newReport);
    }

    public Optional<Finding> topFinding() {
        return findings.stream().findFirst();
    }

    public Optional<FactorResult> factor(Factor factor) {
        return factors.stream().filter(f -> f.factor() == factor).findFirst();
    }
}
