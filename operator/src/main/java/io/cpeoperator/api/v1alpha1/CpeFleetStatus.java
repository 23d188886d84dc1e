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

    @JsonPropertyDescription("Ready, DevicesSelected, ConfigApplied, FirmwareCurrent and QoEHealthy, Ready first.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Devices selected by spec.selector.")
    private Integer devices;

    @JsonPropertyDescription("Selected devices that are connected.")
    private Integer connected;

    @JsonPropertyDescription("Selected devices whose configuration is applied.")
    private Integer configApplied;

    @JsonPropertyDescription("Selected devices whose QoE is healthy.")
    private Integer healthy;

    @JsonPropertyDescription("Devices per firmware version.")
    private List<VersionCount> firmware;

    @JsonPropertyDescription("Devices per QoE grade.")
    private QoeDistribution qoe;

    @JsonPropertyDescription("The most frequent QoE findings.")
    private List<FindingCount> topFindings;

    @JsonPropertyDescription("Firmware rollout progress.")
    private RolloutStatus rollout;

    @JsonPropertyDescription("Trends across the fleet.")
    private List<FleetInsight> insights;

    @JsonPropertyDescription("A short plain-English summary of the fleet.")
    private String summary;

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
}
