package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A trend across the fleet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FleetInsight {

    @JsonPropertyDescription("FirmwareStability, ModelComparison, RecurringInterference or PeakUsage.")
    private String kind;

    @JsonPropertyDescription("One line for a person.")
    private String message;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
