package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Weights and thresholds of the QoE checks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeSpec {

    @JsonPropertyDescription("Weight of each check by finding code (0-100), e.g. WeakClientSignal: 30. Unlisted checks keep their default weight.")
    @ValidationRule(value = "self.all(k, self[k] >= 0 && self[k] <= 100)", message = "qoe.weights values must be between 0 and 100")
    private Map<String, Integer> weights;

    @JsonPropertyDescription("Score at or above which a device counts as healthy (0-100).")
    @Min(0)
    @Max(100)
    private Integer healthyScore;

    @JsonPropertyDescription("Client signal strength (dBm) below which a client counts as weak, e.g. -75.")
    @Min(-100)
    @Max(0)
    private Integer weakSignalDbm;

    @JsonPropertyDescription("Channel utilization (percent) above which a channel counts as congested.")
    @Min(1)
    @Max(100)
    private Integer busyChannelPercent;

    public Map<String, Integer> getWeights() {
        return weights;
    }

    public void setWeights(Map<String, Integer> weights) {
        this.weights = weights;
    }

    public Integer getHealthyScore() {
        return healthyScore;
    }

    public void setHealthyScore(Integer healthyScore) {
        this.healthyScore = healthyScore;
    }

    public Integer getWeakSignalDbm() {
        return weakSignalDbm;
    }

    public void setWeakSignalDbm(Integer weakSignalDbm) {
        this.weakSignalDbm = weakSignalDbm;
    }

    public Integer getBusyChannelPercent() {
        return busyChannelPercent;
    }

    public void setBusyChannelPercent(Integer busyChannelPercent) {
        this.busyChannelPercent = busyChannelPercent;
    }
}
