package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of the fleet: counts, distributions, rollout progress and insights. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CpeFleetStatus {

    @JsonPropertyDescription("metadata.generation the status reflects.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, DevicesSelected, ConfigApplied, RolloutProgressing and Degraded, Ready first.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Devices selected by spec.selector.")
    private Integer devices;

    @JsonPropertyDescription("Selected devices that are connected.")
    private Integer connected;

    @JsonPropertyDescription("Selected devices whose configuration is applied.")
    private Integer configApplied;

    @JsonPropertyDescription("Selected devices whose QoE is healthy.")
    private Integer healthy;

    @JsonPropertyDescription("Devices per firmware version, largest first (at most 10, the rest as (other)).")
    private List<VersionCount> firmware;

    @JsonPropertyDescription("QoE scores of the selected devices (mean, p10, p50, p90) and devices per grade.")
    private QoeDistribution qoe;

    @JsonPropertyDescription("The most frequent QoE findings with how many devices have them (at most 10).")
    private List<FindingCount> topFindings;

    @JsonPropertyDescription("Firmware rollout progress.")
    private RolloutStatus rollout;

    @JsonPropertyDescription("Trends across the fleet.")
    private List<FleetInsight> insights;

    @JsonPropertyDescription("A short plain-English summary of the fleet.")
    private String summary;

    @JsonPropertyDescription("Selected devices running spec.firmware.version (without spec.firmware: whose FirmwareCurrent condition is True).")
    private Integer firmwareCurrent;

    @JsonPropertyDescription("Devices per model, largest first (at most 10, the rest as (other)).")
    private List<ModelCount> models;

    @JsonPropertyDescription("Selected devices where this fleet and another set different values (ConfigApplied=False, reason FleetConflict).")
    private Integer conflicts;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public Integer getDevices() {
        return devices;
    }

    public void setDevices(Integer devices) {
        this.devices = devices;
    }

    public Integer getConnected() {
        return connected;
    }

    public void setConnected(Integer connected) {
        this.connected = connected;
    }

    public Integer getConfigApplied() {
        return configApplied;
    }

    public void setConfigApplied(Integer configApplied) {
        this.configApplied = configApplied;
    }

    public Integer getHealthy() {
        return healthy;
    }

    public void setHealthy(Integer healthy) {
        this.healthy = healthy;
    }

    public List<VersionCount> getFirmware() {
        return firmware;
    }

    public void setFirmware(List<VersionCount> firmware) {
        this.firmware = firmware;
    }

    public QoeDistribution getQoe() {
        return qoe;
    }

    public void setQoe(QoeDistribution qoe) {
        this.qoe = qoe;
    }

    public List<FindingCount> getTopFindings() {
        return topFindings;
    }

    public void setTopFindings(List<FindingCount> topFindings) {
        this.topFindings = topFindings;
    }

    public RolloutStatus getRollout() {
        return rollout;
    }

    public void setRollout(RolloutStatus rollout) {
        this.rollout = rollout;
    }

    public List<FleetInsight> getInsights() {
        return insights;
    }

    public void setInsights(List<FleetInsight> insights) {
        this.insights = insights;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Integer getFirmwareCurrent() {
        return firmwareCurrent;
    }

    public void setFirmwareCurrent(Integer firmwareCurrent) {
        this.firmwareCurrent = firmwareCurrent;
    }

    public List<ModelCount> getModels() {
        return models;
    }

    public void setModels(List<ModelCount> models) {
        this.models = models;
    }

    public Integer getConflicts() {
        return conflicts;
    }

    public void setConflicts(Integer conflicts) {
        this.conflicts = conflicts;
    }
}
