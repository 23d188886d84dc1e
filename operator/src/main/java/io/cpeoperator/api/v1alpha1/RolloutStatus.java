package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress of the fleet's firmware rollout, derived from its devices' statuses at every reconcile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

    @JsonPropertyDescription("Version being rolled out (spec.firmware.version).")
    private String targetVersion;

    @JsonPropertyDescription("Progressing, Paused, Completed or Failed.")
    private String state;

    @JsonPropertyDescription("Why the rollout is in its state, CamelCase: e.g. WaveInProgress, WaitingBetweenWaves, PausedBySpec, FailureBudgetExceeded, QoEGuard, Completed, InstallFailedEverywhere.")
    private String reason;

    @JsonPropertyDescription("The state for a person: which devices, and the evidence.")
    private String message;

    @JsonPropertyDescription("Current wave, counting from 1.")
    private Integer wave;

    @JsonPropertyDescription("Number of waves.")
    private Integer waves;

    @JsonPropertyDescription("Devices that run, or are upgrading to, the target version when the current wave is done.")
    private Integer waveTarget;

    @JsonPropertyDescription("Devices running the target version and not failed.")
    private Integer updated;

    @JsonPropertyDescription("Devices admitted to the rollout that are upgrading now.")
    private Integer inProgress;

    @JsonPropertyDescription("Devices still waiting for their wave.")
    private Integer pending;

    @JsonPropertyDescription("Devices whose upgrade to the target version failed (download or install failed, or they rebooted on their own afterwards).")
    private Integer failed;

    @JsonPropertyDescription("Selected devices the rollout leaves alone: their own spec.firmware wins, or another fleet also sets firmware for them.")
    private Integer excluded;

    @JsonPropertyDescription("State and updated devices of the fleet, e.g. Progressing 40/500.")
    private String progress;

    @JsonPropertyDescription("When the current wave started (RFC 3339).")
    private String waveStartedTime;

    @JsonPropertyDescription("When every device of the current wave was upgraded and judged (RFC 3339); the next wave starts spec.rollout.pauseBetweenWaves later.")
    private String waveCompletedTime;

    public String getTargetVersion() {
        return targetVersion;
    }

    public void setTargetVersion(String targetVersion) {
        this.targetVersion = targetVersion;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getWave() {
        return wave;
    }

    public void setWave(Integer wave) {
        this.wave = wave;
    }

    public Integer getWaves() {
        return waves;
    }

    public void setWaves(Integer waves) {
        this.waves = waves;
    }

    public Integer getWaveTarget() {
        return waveTarget;
    }

    public void setWaveTarget(Integer waveTarget) {
        this.waveTarget = waveTarget;
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

    public Integer getPending() {
        return pending;
    }

    public void setPending(Integer pending) {
        this.pending = pending;
    }

    public Integer getFailed() {
        return failed;
    }

    public void setFailed(Integer failed) {
        this.failed = failed;
    }

    public Integer getExcluded() {
        return excluded;
    }

    public void setExcluded(Integer excluded) {
        this.excluded = excluded;
    }

    public String getProgress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public String getWaveStartedTime() {
        return waveStartedTime;
    }

    public void setWaveStartedTime(String waveStartedTime) {
        this.waveStartedTime = waveStartedTime;
    }

    public String getWaveCompletedTime() {
        return waveCompletedTime;
    }

    public void setWaveCompletedTime(String waveCompletedTime) {
        this.waveCompletedTime = waveCompletedTime;
    }
}
