package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.IntOrString;

import java.util.List;

/** How a fleet's firmware is staged: which devices go in which wave, how fast, and what pauses it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {

    @JsonPropertyDescription("Cumulative percent of the fleet upgraded by the end of each wave, increasing and ending at 100, e.g. [1, 10, 50, 100]. Default [1, 10, 50, 100]; not together with batchSize.")
    @Size(min = 1, max = 20)
    private List<Integer> waves;

    @JsonPropertyDescription("Instead of waves: upgrade this many devices per wave until all are done.")
    @Min(1)
    private Integer batchSize;

    @JsonPropertyDescription("Most devices upgrading (downloading, installing, rebooting) at once: a number or a percent of the fleet, e.g. 50 or \"10%\". Default \"10%\" (at least 1).")
    private IntOrString maxUnavailable;

    @JsonPropertyDescription("Failed upgrades tolerated in the current wave before the rollout pauses itself: a number or a percent of the wave, e.g. 2 or \"10%\". A device fails when its download or install fails, or when it reboots on its own after booting into the new version. Default \"10%\".")
    private IntOrString failureBudget;

    @JsonPropertyDescription("Pauses the rollout when upgraded devices' QoE is worse than that of devices of the same model that still run another version.")
    private QoeGuardSpec qoeGuard;

    @JsonPropertyDescription("Time between the end of one wave and the start of the next (ISO-8601 duration, e.g. PT30M). Default PT10M.")
    @Pattern(ApiPatterns.DURATION)
    private String pauseBetweenWaves;

    @JsonPropertyDescription("Set to true to hold the rollout where it is (downloads already started finish); set back to false to resume it.")
    private Boolean paused;

    @JsonPropertyDescription("Device label whose values the early waves are spread across, besides the model, e.g. the access node (DSLAM, OLT) a device hangs off. Default topology.cpeoperator.io/access-node.")
    @Size(max = 317)
    private String spreadByLabel;

    public List<Integer> getWaves() {
        return waves;
    }

    public void setWaves(List<Integer> waves) {
        this.waves = waves;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public IntOrString getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(IntOrString maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }

    public IntOrString getFailureBudget() {
        return failureBudget;
    }

    public void setFailureBudget(IntOrString failureBudget) {
        this.failureBudget = failureBudget;
    }

    public QoeGuardSpec getQoeGuard() {
        return qoeGuard;
    }

    public void setQoeGuard(QoeGuardSpec qoeGuard) {
        this.qoeGuard = qoeGuard;
    }

    public String getPauseBetweenWaves() {
        return pauseBetweenWaves;
    }

    public void setPauseBetweenWaves(String pauseBetweenWaves) {
        this.pauseBetweenWaves = pauseBetweenWaves;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }

    public String getSpreadByLabel() {
        return spreadByLabel;
    }

    public void setSpreadByLabel(String spreadByLabel) {
        this.spreadByLabel = spreadByLabel;
    }
}
