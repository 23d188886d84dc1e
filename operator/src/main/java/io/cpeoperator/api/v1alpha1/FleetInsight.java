package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A trend across the fleet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FleetInsight {

    @JsonPropertyDescription("FirmwareStability, ModelComparison, RecurringInterference, PeakUsage, AccessNodeBottleneck or Unknown (too little history).")
    private String kind;

    @JsonPropertyDescription("Warning (worth acting on) or Info (how the fleet behaves).")
    private String severity;

    @JsonPropertyDescription("What the insight is about: a model and firmware version, a model, a channel, an hour or an access node.")
    private String subject;

    @JsonPropertyDescription("One line for a person.")
    private String message;

    @JsonPropertyDescription("Devices the insight rests on.")
    private Integer devices;

    @JsonPropertyDescription("The main figure, in unit.")
    private Double value;

    @JsonPropertyDescription("What the main figure is compared with, in unit.")
    private Double baseline;

    @JsonPropertyDescription("Unit of value and baseline.")
    private String unit;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getDevices() {
        return devices;
    }

    public void setDevices(Integer devices) {
        this.devices = devices;
    }

    public Double getValue() {
        return value;
    }

    public void setValue(Double value) {
        this.value = value;
    }

    public Double getBaseline() {
        return baseline;
    }

    public void setBaseline(Double baseline) {
        this.baseline = baseline;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }
}
