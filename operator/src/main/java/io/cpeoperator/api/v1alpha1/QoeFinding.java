package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One quality-of-experience finding. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeFinding {

    @JsonPropertyDescription("Stable identifier of the finding, e.g. WeakClientSignal.")
    private String code;

    @JsonPropertyDescription("Info, Warning or Critical.")
    private String severity;

    @JsonPropertyDescription("The measured values behind the finding.")
    private String evidence;

    @JsonPropertyDescription("One line for a person.")
    private String message;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
