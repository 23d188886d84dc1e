package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** How a fleet firmware upgrade is staged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSpec {

    @JsonPropertyDescription("Cumulative percentages of the fleet upgraded by the end of each wave, e.g. [1, 10, 50, 100].")
    @Size(min = 1, max = 10)
    private List<Integer> waves = new ArrayList<>(List.of(1, 10, 50, 100));

    @JsonPropertyDescription("Most devices upgrading (and so briefly offline) at the same time.")
    @Min(1)
    private Integer maxUnavailable;

    @JsonPropertyDescription("Percent of failed upgrades in a wave that pauses the rollout (1-100).")
    @Min(1)
    @Max(100)
    private Integer failureBudgetPercent;

    @JsonPropertyDescription("Drop of the average QoE score of upgraded devices that pauses the rollout (1-100 points).")
    @Min(1)
    @Max(100)
    private Integer qoeDropBudget;

    @JsonPropertyDescription("Minimum time between waves (ISO-8601 duration, e.g. PT30M).")
    @Pattern(ApiPatterns.DURATION)
    private String waveInterval;

    @JsonPropertyDescription("Set to true to hold the rollout where it is; set back to false to resume it.")
    private Boolean paused;

    public List<Integer> getWaves() {
        return waves;
    }

    public void setWaves(List<Integer> waves) {
        this.waves = waves;
    }

    public Integer getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(Integer maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }

    public Integer getFailureBudgetPercent() {
        return failureBudgetPercent;
    }

    public void setFailureBudgetPercent(Integer failureBudgetPercent) {
        this.failureBudgetPercent = failureBudgetPercent;
    }

    public Integer getQoeDropBudget() {
        return qoeDropBudget;
    }

    public void setQoeDropBudget(Integer qoeDropBudget) {
        this.qoeDropBudget = qoeDropBudget;
    }

    public String getWaveInterval() {
        return waveInterval;
    }

    public void setWaveInterval(String waveInterval) {
        this.waveInterval = waveInterval;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }
}
