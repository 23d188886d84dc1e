package io.cpeoperator.operator.qoe.report;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.FactorResult;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.QoeAssessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic report: a short paragraph that leads with the factor of the most important finding, says what
 * was measured and what to do, names the factors that are fine, gives the score and says what could not be
 * assessed. Built only from the assessment, so every number in it comes from the twin; works offline.
 */
public final class PlainReportWriter implements ReportWriter {

    private static final int MAX_NOT_ASSESSED = 3;

    @Override
    public String write(QoeAssessment a) {
        StringBuilder text = new StringBuilder();
        if (a.verdict() == QoeAssessment.Verdict.INSUFFICIENT_DATA) {
            text.append("Not enough data to score this device yet.");
            if (!a.findings().isEmpty()) {
                text.append(" Already seen: ").append(sentence(a.findings().get(0).message()));
            }
        } else if (a.findings().isEmpty()) {
            // a score below the healthy mark without a finding (e.g. heavy retransmissions) is not "healthy"
            text.append(a.verdict() == QoeAssessment.Verdict.HEALTHY ? "Everything looks healthy (score "
                            : "No single problem stands out, but the score is low (score ").append(a.score().get())
                    .append(", ")
                    .append(a.grade().get().label()).append(").");
            for (FactorResult factor : a.factors()) {
                List<String> seen = observations(factor, 2);
                if (!seen.isEmpty()) {
                    text.append(' ').append(capitalised(factor.factor().label())).append(": ")
                            .append(String.join("; ", seen)).append('.');
                }
            }
        } else {
            problems(a, text);
        }
        List<String> missing = notAssessed(a);
        if (!missing.isEmpty()) {
            text.append(" Not assessed: ").append(String.join("; ", missing)).append('.');
        }
        return text.toString();
    }

    private static void problems(QoeAssessment a, StringBuilder text) {
        Map<Factor, List<Finding>> byFactor = new LinkedHashMap<>();
        for (Finding finding : a.findings()) {
            byFactor.computeIfAbsent(finding.factor(), f -> new ArrayList<>()).add(finding);
        }
        boolean first = true;
        for (Map.Entry<Factor, List<Finding>> entry : byFactor.entrySet()) {
            List<String> messages = entry.getValue().stream().map(Finding::message).toList();
            if (first) {
                text.append(capitalised(entry.getKey().label())).append(" is the main problem: ")
                        .append(String.join("; ", messages)).append(". ")
                        .append(entry.getValue().get(0).action());
                first = false;
            } else {
                text.append(" Also ").append(entry.getKey().label()).append(": ")
                        .append(String.join("; ", messages)).append('.');
            }
        }
        List<String> fine = new ArrayList<>();
        for (FactorResult factor : a.factors()) {
            if (factor.assessed() && !byFactor.containsKey(factor.factor())) {
                fine.add(factor.factor().label());
            }
        }
        if (!fine.isEmpty()) {
            text.append(' ').append(capitalised(join(fine))).append(fine.size() == 1 ? " is" : " are")
                    .append(" healthy.");
        }
        text.append(" Score ").append(a.score().get()).append(" (").append(a.grade().get().label()).append(").");
    }

    private static List<String> observations(FactorResult factor, int max) {
        List<String> seen = new ArrayList<>();
        for (CheckResult check : factor.checks()) {
            if (check.assessed() && seen.size() < max) {
                seen.add(check.observation());
            }
        }
        return seen;
    }

    private static List<String> notAssessed(QoeAssessment a) {
        List<String> missing = new ArrayList<>();
        for (FactorResult factor : a.factors()) {
            for (CheckResult check : factor.checks()) {
                boolean open = check.state() == CheckResult.State.UNKNOWN
                        || check.state() == CheckResult.State.NOT_YET_ASSESSED;
                if (open && missing.size() < MAX_NOT_ASSESSED) {
                    missing.add(check.observation());
                }
            }
        }
        int total = a.notAssessed().size();
        if (total > missing.size()) {
            missing.add("and " + (total - missing.size()) + " more (see the QoE API)");
        }
        return missing;
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String sentence(String text) {
        String trimmed = capitalised(text.trim());
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
