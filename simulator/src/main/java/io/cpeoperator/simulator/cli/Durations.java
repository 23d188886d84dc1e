package io.cpeoperator.simulator.cli;

import java.time.Duration;
import java.util.Locale;

/** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or plain seconds. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
            }
            double amount = Double.parseDouble(t.substring(0, t.length() - 1));
            long seconds = switch (unit) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
            };
            return Duration.ofMillis((long) (amount * seconds * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 2h, 1d)");
        }
    }
}
