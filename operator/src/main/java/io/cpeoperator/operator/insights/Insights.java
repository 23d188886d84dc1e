package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.Locale;

/** Kinds, severities and the wording helpers shared by the insight finders. */
final class Insights {

    static final String FIRMWARE_STABILITY = "FirmwareStability";
    static final String MODEL_COMPARISON = "ModelComparison";
    static final String RECURRING_INTERFERENCE = "RecurringInterference";
    static final String PEAK_USAGE = "PeakUsage";
    static final String ACCESS_NODE_BOTTLENECK = "AccessNodeBottleneck";
    static final String UNKNOWN = "Unknown";

    static final String WARNING = "Warning";
    static final String INFO = "Info";

    private Insights() {
    }

    static FleetInsight of(String kind, String severity, String subject, String message, Integer devices,
                           Double value, Double baseline, String unit) {
        FleetInsight insight = new FleetInsight();
        insight.setKind(kind);
        insight.setSeverity(severity);
        insight.setSubject(subject);
        insight.setMessage(message);
        insight.setDevices(devices);
        insight.setValue(value == null ? null : round(value));
        insight.setBaseline(baseline == null ? null : round(baseline));
        insight.setUnit(unit);
        return insight;
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Two significant decimals at most: status stays short and stable. */
    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** "20–22 h" for a run of hours of day, "21 h" for one; {@code last} may wrap past midnight. */
    static String hours(int first, int last) {
        return first == last ? format("%d h", first) : format("%d–%d h", first, last);
    }

    /** Runs of consecutive hours of day in {@code set} (wrapping past midnight), e.g. "6–8 h, 20–22 h". */
    static String hourRuns(boolean[] set) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        if (set[0] && set[23]) {
            // begin after the gap so that a run across midnight stays one run
            while (start < 24 && set[start]) {
                start++;
            }
            if (start == 24) {
                return "all day";
            }
        }
        for (int k = 0; k < 24; k++) {
            int h = (start + k) % 24;
            if (set[h] && !set[(h + 23) % 24]) {
                int end = h;
                while (set[(end + 1) % 24] && (end + 1) % 24 != h) {
                    end = (end + 1) % 24;
                }
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(hours(h, end));
            }
        }
        return out.toString();
    }
}
