package io.cpeoperator.operator.qoe;

/** The score in one word: Excellent from 90, Good from 75, Fair from 50, else Poor. */
public enum Grade {
    EXCELLENT("Excellent"),
    GOOD("Good"),
    FAIR("Fair"),
    POOR("Poor");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Grade of(int score) {
        if (score >= 90) {
            return EXCELLENT;
        }
        if (score >= 75) {
            return GOOD;
        }
        return score >= 50 ? FAIR : POOR;
    }
}
