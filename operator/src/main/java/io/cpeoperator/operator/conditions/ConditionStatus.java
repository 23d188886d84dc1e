package io.cpeoperator.operator.conditions;

/** The three values of a Kubernetes condition's status. */
public enum ConditionStatus {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    private final String text;

    ConditionStatus(String text) {
        this.text = text;
    }

    /** As written in the resource: "True", "False" or "Unknown". */
    public String text() {
        return text;
    }

    public static ConditionStatus of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
