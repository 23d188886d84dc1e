package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Progress of the desired configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigStatus {

    @JsonPropertyDescription("Desired parameters that still differ from the device.")
    private Integer pending;

    @JsonPropertyDescription("Desired parameters the device holds.")
    private Integer applied;

    @JsonPropertyDescription("Desired parameters the device refused, with its fault.")
    private List<ParameterFailure> failed;

    @JsonPropertyDescription("metadata.generation whose parameters were last fully applied.")
    private Long appliedGeneration;

    @JsonPropertyDescription("When the configuration was last fully applied (RFC 3339).")
    private String lastAppliedTime;

    public Integer getPending() {
        return pending;
    }

    public void setPending(Integer pending) {
        this.pending = pending;
    }

    public Integer getApplied() {
        return applied;
    }

    public void setApplied(Integer applied) {
        this.applied = applied;
    }

    public List<ParameterFailure> getFailed() {
        return failed;
    }

    public void setFailed(List<ParameterFailure> failed) {
        this.failed = failed;
    }

    public Long getAppliedGeneration() {
        return appliedGeneration;
    }

    public void setAppliedGeneration(Long appliedGeneration) {
        this.appliedGeneration = appliedGeneration;
    }

    public String getLastAppliedTime() {
        return lastAppliedTime;
    }

    public void setLastAppliedTime(String lastAppliedTime) {
        this.lastAppliedTime = lastAppliedTime;
    }
}
