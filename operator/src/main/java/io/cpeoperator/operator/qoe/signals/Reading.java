package io.cpeoperator.operator.qoe.signals;

import java.time.Instant;
import java.util.Locale;

/**
 * One number read from the twin, with where it came from and when the device reported it: every number a finding or
 * a report shows is a reading, so it can always be traced back to a parameter.
 */
public record Reading(String path, double value, Instant observedAt) {

    /** The value as text: whole numbers without a fraction. */
    public String valueText() {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    public Evidence evidence() {
        return new Evidence(path, valueText(), observedAt);
    }
}
