package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Progress towards spec.firmware. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FirmwareStatus {

    @JsonPropertyDescription("Version the device runs.")
    private String currentVersion;

    @JsonPropertyDescription("Version requested in spec.firmware.")
    private String targetVersion;

    @JsonPropertyDescription("Idle, Downloading, Installing, Succeeded or Failed.")
    private String state;

    @JsonPropertyDescription("Key correlating the download with its completion across reboots.")
    private String commandKey;

    @JsonPropertyDescription("Download attempts for the target version.")
    private Integer attempts;

    @JsonPropertyDescription("The device's fault code of the last failed attempt.")
    private Integer lastFaultCode;

    @JsonPropertyDescription("The device's fault message of the last failed attempt.")
    private String lastFaultMessage;

    @JsonPropertyDescription("Earliest time of the next attempt after a failure (RFC 3339).")
    private String nextAttemptAfter;

    @JsonPropertyDescription("Where the target version comes from: spec.firmware, or CpeFleet/<name> when the device was admitted to that fleet's rollout.")
    private String source;

    @JsonPropertyDescription("When the device was first seen running the target version after upgrading to it (RFC 3339); a boot after this time that nobody asked for counts against the fleet's rollout.")
    private String upgradedAt;

    public String getCurrentVersion() {
        return currentVersion;
    }

    public void setCurrentVersion(String currentVersion) {
        this.currentVersion = currentVersion;
    }

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

    public String getCommandKey() {
        return commandKey;
    }

    public void setCommandKey(String commandKey) {
        this.commandKey = commandKey;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public Integer getLastFaultCode() {
        return lastFaultCode;
    }

    public void setLastFaultCode(Integer lastFaultCode) {
        this.lastFaultCode = lastFaultCode;
    }

    public String getLastFaultMessage() {
        return lastFaultMessage;
    }

    public void setLastFaultMessage(String lastFaultMessage) {
        this.lastFaultMessage = lastFaultMessage;
    }

    public String getNextAttemptAfter() {
        return nextAttemptAfter;
    }

    public void setNextAttemptAfter(String nextAttemptAfter) {
        this.nextAttemptAfter = nextAttemptAfter;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getUpgradedAt() {
        return upgradedAt;
    }

    public void setUpgradedAt(String upgradedAt) {
        this.upgradedAt = upgradedAt;
    }
}
