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

    @JsonPropertyDescription("Digest of the effective desired parameters (the device's own and its fleets') last fully applied; a fleet change moves it.")
    private String appliedRevision;

    @JsonPropertyDescription("Where the desired values come from: spec.parameters or a CpeFleet, with the paths each one sets (at most 50 listed per source).")
    private List<ConfigSource> sources;

    @JsonPropertyDescription("Paths a fleet sets that the device's own spec.parameters override (at most 50).")
    private List<String> overridden;

    @JsonPropertyDescription("Paths two fleets set to different values; neither value is applied until they agree (at most 50).")
    private List<ParameterConflict> conflicts;

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

    public String getAppliedRevision() {
        return appliedRevision;
    }

    public void setAppliedRevision(String appliedRevision) {
        this.appliedRevision = appliedRevision;
    }

    public List<ConfigSource> getSources() {
        return sources;
    }

    public void setSources(List<ConfigSource> sources) {
        this.sources = sources;
    }

    public List<String> getOverridden() {
        return overridden;
    }

    public void setOverridden(List<String> overridden) {
        this.overridden = overridden;
    }

    public List<ParameterConflict> getConflicts() {
        return conflicts;
    }

    public void setConflicts(List<ParameterConflict> conflicts) {
        this.conflicts = conflicts;
    }
}
