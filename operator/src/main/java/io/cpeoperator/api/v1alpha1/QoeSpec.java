package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.Map;

/**
 * Weights and thresholds of the QoE checks of a fleet's devices. Every field is optional: what is not set keeps the
 * documented default (README, "QoE analysis").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeSpec {

    /** The factor names {@link #weights} accepts. */
    public static final String FACTOR_KEYS_RULE =
            "self.all(k, k in ['wifi', 'wan', 'system', 'mesh']) && self.all(k, self[k] >= 0 && self[k] <= 100)";

    @JsonPropertyDescription("Weight of each factor in the overall score (0-100), by factor: wifi, wan, system, mesh. "
            + "Unlisted factors keep their default weight (wifi 35, wan 35, system 20, mesh 10).")
    @ValidationRule(value = FACTOR_KEYS_RULE,
            message = "qoe.weights keys must be wifi, wan, system or mesh, with values between 0 and 100")
    private Map<String, Integer> weights;

    @JsonPropertyDescription("Score at or above which a device without Warning or Critical findings counts as "
            + "healthy (0-100, default 70).")
    @Min(0)
    @Max(100)
    private Integer healthyScore;

    @JsonPropertyDescription("Client signal strength (dBm) at or below which a Wi-Fi client is weak (default -75).")
    @Min(-100)
    @Max(0)
    private Integer weakSignalDbm;

    @JsonPropertyDescription("Client signal strength (dBm) at or above which a Wi-Fi client is good (default -65).")
    @Min(-100)
    @Max(0)
    private Integer goodSignalDbm;

    @JsonPropertyDescription("Radio noise floor (dBm) at or above which the noise is high (default -75).")
    @Min(-120)
    @Max(0)
    private Integer highNoiseDbm;

    @JsonPropertyDescription("Channel utilization (percent) above which a channel is congested (default 70).")
    @Min(1)
    @Max(100)
    private Integer busyChannelPercent;

    @JsonPropertyDescription("Neighbouring networks stronger than -70 dBm on the radio's own channel from which the "
            + "channel counts as congested when the device reports no utilization (default 5).")
    @Min(1)
    @Max(100)
    private Integer congestedNeighbors;

    @JsonPropertyDescription("Sustained CPU use (percent) at or above which the CPU is overloaded (default 90).")
    @Min(1)
    @Max(100)
    private Integer cpuPercent;

    @JsonPropertyDescription("Memory use (percent) at or above which memory is under pressure (default 90).")
    @Min(1)
    @Max(100)
    private Integer memoryPercent;

    @JsonPropertyDescription("Temperature (Celsius) at or above which a sensor that reports no HighAlarmValue is too "
            + "hot (default 85).")
    @Min(0)
    @Max(200)
    private Integer temperatureCelsius;

    @JsonPropertyDescription("Ping loss (percent of the probes of the last IPPing/UDPEcho result) at or above which "
            + "the WAN loses packets (default 5).")
    @Min(1)
    @Max(100)
    private Integer packetLossPercent;

    @JsonPropertyDescription("Average round-trip time (ms) at or above which the WAN latency is high (default 100).")
    @Min(1)
    @Max(10000)
    private Integer latencyMillis;

    @JsonPropertyDescription("Boots within one hour from which a device is in a reboot loop (default 3).")
    @Min(2)
    @Max(100)
    private Integer rebootLoopBoots;

    @JsonPropertyDescription("Mesh backhaul signal (dBm) at or below which the backhaul is weak (default -75).")
    @Min(-110)
    @Max(0)
    private Integer meshBackhaulDbm;

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

    public Integer getGoodSignalDbm() {
        return goodSignalDbm;
    }

    public void setGoodSignalDbm(Integer goodSignalDbm) {
        this.goodSignalDbm = goodSignalDbm;
    }

    public Integer getHighNoiseDbm() {
        return highNoiseDbm;
    }

    public void setHighNoiseDbm(Integer highNoiseDbm) {
        this.highNoiseDbm = highNoiseDbm;
    }

    public Integer getBusyChannelPercent() {
        return busyChannelPercent;
    }

    public void setBusyChannelPercent(Integer busyChannelPercent) {
        this.busyChannelPercent = busyChannelPercent;
    }

    public Integer getCongestedNeighbors() {
        return congestedNeighbors;
    }

    public void setCongestedNeighbors(Integer congestedNeighbors) {
        this.congestedNeighbors = congestedNeighbors;
    }

    public Integer getCpuPercent() {
        return cpuPercent;
    }

    public void setCpuPercent(Integer cpuPercent) {
        this.cpuPercent = cpuPercent;
    }

    public Integer getMemoryPercent() {
        return memoryPercent;
    }

    public void setMemoryPercent(Integer memoryPercent) {
        this.memoryPercent = memoryPercent;
    }

    public Integer getTemperatureCelsius() {
        return temperatureCelsius;
    }

    public void setTemperatureCelsius(Integer temperatureCelsius) {
        this.temperatureCelsius = temperatureCelsius;
    }

    public Integer getPacketLossPercent() {
        return packetLossPercent;
    }

    public void setPacketLossPercent(Integer packetLossPercent) {
        this.packetLossPercent = packetLossPercent;
    }

    public Integer getLatencyMillis() {
        return latencyMillis;
    }

    public void setLatencyMillis(Integer latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    public Integer getRebootLoopBoots() {
        return rebootLoopBoots;
    }

    public void setRebootLoopBoots(Integer rebootLoopBoots) {
        this.rebootLoopBoots = rebootLoopBoots;
    }

    public Integer getMeshBackhaulDbm() {
        return meshBackhaulDbm;
    }

    public void setMeshBackhaulDbm(Integer meshBackhaulDbm) {
        this.meshBackhaulDbm = meshBackhaulDbm;
    }
}
