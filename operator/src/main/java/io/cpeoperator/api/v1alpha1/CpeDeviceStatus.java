package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a device: conditions and small summaries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CpeDeviceStatus {

    @JsonPropertyDescription("metadata.generation the status reflects.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, Connected, Synced, ConfigApplied, FirmwareCurrent and QoEHealthy, Ready first.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Summary of the device's state.")
    private DeviceSummary summary;

    @JsonPropertyDescription("Quality of experience: score, grade, factors, top findings and a plain-English report.")
    private QoeStatus qoe;

    @JsonPropertyDescription("Progress of spec.parameters.")
    private ConfigStatus config;

    @JsonPropertyDescription("Progress of spec.firmware.")
    private FirmwareStatus firmware;

    @JsonPropertyDescription("Outcomes of one-shot actions.")
    private ActionsStatus actions;

    @JsonPropertyDescription("Digital twin facts.")
    private TwinStatus twin;

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

    public DeviceSummary getSummary() {
        return summary;
    }

    public void setSummary(DeviceSummary summary) {
        this.summary = summary;
    }

    public QoeStatus getQoe() {
        return qoe;
    }

    public void setQoe(QoeStatus qoe) {
        this.qoe = qoe;
    }

    public ConfigStatus getConfig() {
        return config;
    }

    public void setConfig(ConfigStatus config) {
        this.config = config;
    }

    public FirmwareStatus getFirmware() {
        return firmware;
    }

    public void setFirmware(FirmwareStatus firmware) {
        this.firmware = firmware;
    }

    public ActionsStatus getActions() {
        return actions;
    }

    public void setActions(ActionsStatus actions) {
        this.actions = actions;
    }

    public TwinStatus getTwin() {
        return twin;
    }

    public void setTwin(TwinStatus twin) {
        this.twin = twin;
    }
}
