package io.cpeoperator.simulator.model;

import java.util.Set;

/** Validation of a written value beyond its type: what a real device refuses with 9007 / 7012. */
@FunctionalInterface
public interface ValueCheck {

    /** Null when the value is acceptable, else the reason. */
    String reject(String value);

    static ValueCheck oneOf(String... allowed) {
        Set<String> values = Set.of(allowed);
        return value -> values.contains(value) ? null : "value must be one of " + String.join(", ", allowed);
    }

    static ValueCheck range(long min, long max) {
        return value -> {
            try {
                long parsed = Long.parseLong(value.trim());
                return parsed >= min && parsed <= max ? null : "value must be within [" + min + ", " + max + "]";
            } catch (NumberFormatException e) {
                return "not a number";
            }
        };
    }

    static ValueCheck maxLength(int max) {
        return value -> value.length() <= max ? null : "longer than " + max + " characters";
    }
}
