package io.cpeoperator.operator.qoe.signals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A parameter, the value seen and when it was observed: what a finding rests on. */
public record Evidence(String path, String value, Instant observedAt) {

    /** {@code path=value @ time}, the time to the second. */
    public String text() {
        return path + "=" + value + (observedAt == null ? "" : " @ " + observedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
