package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/**
 * The last completed IPPing or UDPEcho diagnostic.
 *
 * @param object  the diagnostics object, e.g. {@code Device.IP.Diagnostics.IPPing.}
 * @param host    the target, for the report
 * @param average AverageResponseTime (ms), empty when no probe came back
 */
public record PingSignals(String object, String host, Reading successes, Reading failures, Optional<Reading> average) {

    public double sent() {
        return successes.value() + failures.value();
    }

    /** Lost probes in percent of the sent ones. */
    public double lossPercent() {
        return sent() <= 0 ? 0 : 100.0 * failures.value() / sent();
    }
}
