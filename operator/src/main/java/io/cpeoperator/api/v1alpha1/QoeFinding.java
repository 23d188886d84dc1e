package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One quality-of-experience finding. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeFinding {

    @JsonPropertyDescription("Stable identifier of the finding, e.g. WifiWeakClientSignal (README lists them all).")
    private String code;

    @JsonPropertyDescription("Info, Warning or Critical.")
    private String severity;

    @JsonPropertyDescription("What was measured, in one line for a person.")
    private String message;

    @JsonPropertyDescription("The parameters and values behind the finding, with the time they were observed "
            + "(the first few; the QoE API has them all).")
    private String evidence;

    @JsonPropertyDescription("What to do about it.")
    private String action;

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

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getEvidence() {
        return evidence;
    }

    public void setEvidence(String evidence) {
        this.evidence = evidence;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
