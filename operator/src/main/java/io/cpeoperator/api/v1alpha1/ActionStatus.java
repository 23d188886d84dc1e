package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What happened to a one-shot action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ActionStatus {

    @JsonPropertyDescription("The spec requestedAt this outcome belongs to; a request is executed only while it differs.")
    private String handledRequestedAt;

    @JsonPropertyDescription("Pending, Succeeded or Failed.")
    private String outcome;

    @JsonPropertyDescription("What happened, for a person.")
    private String message;

    @JsonPropertyDescription("When the outcome was reached (RFC 3339).")
    private String completedAt;

    public String getHandledRequestedAt() {
        return handledRequestedAt;
    }

    public void setHandledRequestedAt(String handledRequestedAt) {
        this.handledRequestedAt = handledRequestedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }
}
