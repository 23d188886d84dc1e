package io.cpeoperator.operator.qoe;

/** How much a finding matters, in the words status uses. */
public enum Severity {
    INFO("Info"),
    WARNING("Warning"),
    CRITICAL("Critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
