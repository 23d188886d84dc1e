package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * The rollout's QoE guard: upgraded devices are compared with devices of the same model that do not run the new
 * version yet, on QoE the operator computed from their twins after the upgrade settled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeGuardSpec {

    @JsonPropertyDescription("Pause when the mean QoE score of upgraded devices is more than this many points below that of not-yet-upgraded devices of the same model (1-100). Default 10.")
    @Min(1)
    @Max(100)
    private Integer maxScoreDrop;

    @JsonPropertyDescription("Pause when a QoE finding is on more than this percent of the upgraded devices, beyond its share among not-yet-upgraded ones (1-100). Default 25.")
    @Min(1)
    @Max(100)
    private Integer maxFindingPercent;

    @JsonPropertyDescription("How long after booting into the new version a device's QoE counts (ISO-8601 duration). Default PT10M.")
    @Pattern(ApiPatterns.DURATION)
    private String settleTime;

    @JsonPropertyDescription("Set to false to roll out without the QoE guard. Default true.")
    private Boolean enabled;

    public Integer getMaxScoreDrop() {
        return maxScoreDrop;
    }

    public void setMaxScoreDrop(Integer maxScoreDrop) {
        this.maxScoreDrop = maxScoreDrop;
    }

    public Integer getMaxFindingPercent() {
        return maxFindingPercent;
    }

    public void setMaxFindingPercent(Integer maxFindingPercent) {
        this.maxFindingPercent = maxFindingPercent;
    }

    public String getSettleTime() {
        return settleTime;
    }

    public void setSettleTime(String settleTime) {
        this.settleTime = settleTime;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }
}
