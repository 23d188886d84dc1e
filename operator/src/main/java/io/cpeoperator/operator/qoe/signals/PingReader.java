package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/** A completed IPPing / UDPEcho result, TR-181 or TR-098: the parameter names are the same. */
final class PingReader {

    private PingReader() {
    }

    static Optional<PingSignals> completed(TwinReadings twin, String object) {
        boolean complete = twin.text(object + "DiagnosticsState").map(s -> s.equalsIgnoreCase("Complete"))
                .orElse(false);
        Optional<Reading> successes = twin.reading(object + "SuccessCount", 0, 1_000_000);
        Optional<Reading> failures = twin.reading(object + "FailureCount", 0, 1_000_000);
        if (!complete || successes.isEmpty() || failures.isEmpty()
                || successes.get().value() + failures.get().value() <= 0) {
            return Optional.empty();
        }
        Optional<Reading> average = successes.get().value() > 0
                ? twin.reading(object + "AverageResponseTime", 0, 600_000) : Optional.empty();
        String host = twin.text(object + "Host").orElse("the test host");
        return Optional.of(new PingSignals(object, host, successes.get(), failures.get(), average));
    }
}
