package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/**
 * A declarative one-shot action such as a reboot: executed once for every new {@code requestedAt}, which makes it
 * idempotent and safe to keep in Git.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OneShotAction {

    @JsonPropertyDescription("RFC 3339 time of the request, e.g. 2026-11-25T10:00:00Z. The action runs once per new value; set a later time to run it again.")
    @Required
    @Pattern(ApiPatterns.RFC3339)
    private String requestedAt;

    public OneShotAction() {
    }

    public OneShotAction(String requestedAt) {
        this.requestedAt = requestedAt;
    }

    public String getRequestedAt() {
        return requestedAt;
    }

    public void setRequestedAt(String requestedAt) {
        this.requestedAt = requestedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneShotAction other && Objects.equals(requestedAt, other.requestedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(requestedAt);
    }
}
