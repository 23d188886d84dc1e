package io.cpeoperator.operator.qoe;

import java.util.Locale;
import java.util.Optional;

/** The parts of a home's experience that are scored separately, then weighted into one score. */
public enum Factor {
    WIFI("wifi", "Wi-Fi", 35),
    WAN("wan", "the WAN link", 35),
    SYSTEM("system", "the router itself", 20),
    MESH("mesh", "the mesh backhaul", 10);

    private final String key;
    private final String label;
    private final int defaultWeight;

    Factor(String key, String label, int defaultWeight) {
        this.key = key;
        this.label = label;
        this.defaultWeight = defaultWeight;
    }

    /** The name in status and in {@code spec.qoe.weights}. */
    public String key() {
        return key;
    }

    /** For sentences: "Wi-Fi", "the WAN link". */
    public String label() {
        return label;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    public static Optional<Factor> byKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (Factor factor : values()) {
            if (factor.key.equals(wanted)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }
}
