package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress of the fleet's firmware rollout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

    @JsonPropertyDescription("Version being rolled out.")
    private String targetVersion;

    @JsonPropertyDescription("Current wave, counting from 1.")
    private Integer wave;

    @JsonPropertyDescription("Devices running the target version.")
    private Integer updated;

    @JsonPropertyDescription("Devices upgrading now.")
    private Integer inProgress;

    @JsonPropertyDescription("Devices whose upgrade failed.")
    private Integer failed;

    @JsonPropertyDescription("Updated devices in percent of the fleet, e.g. 40%.")
    private String progress;

    @JsonPropertyDescription("True while the rollout is paused.")
    private Boolean paused;

    @JsonPropertyDescription("Why the rollout is where it is, for a person.")
    private String message;

    public String getTargetVersion() {
        return targetVersion;
    }

    public void setTargetVersion(String targetVersion) {
        this.targetVersion = targetVersion;
    }

    public Integer getWave() {
        return wave;
    }

    public void setWave(Integer wave) {
        this.wave = wave;
    }

    public Integer getUpdated() {
        return updated;
    }

    public void setUpdated(Integer updated) {
        this.updated = updated;
    }

    public Integer getInProgress() {
        return inProgress;
    }

    public void setInProgress(Integer inProgress) {
        this.inProgress = inProgress;
    }

    public Integer getFailed() {
        return failed;
    }

    public void setFailed(Integer failed) {
        this.failed = failed;
    }

    public String getProgress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
