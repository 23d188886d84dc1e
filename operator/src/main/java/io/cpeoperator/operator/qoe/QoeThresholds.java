package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.QoeSpec;

import java.util.EnumMap;
import java.util.Map;

/**
 * The thresholds and weights the checks use. Defaults follow common practice for home Wi-Fi and access links (README,
 * "QoE analysis"); a fleet overrides any of them through {@code CpeFleet.spec.qoe}.
 *
 * @param weights keyed by factor; a factor weighted 0 is still assessed and reported but does not move the score
 */
public record QoeThresholds(Map<Factor, Integer> weights, int healthyScore, int weakSignalDbm, int goodSignalDbm,
                            int goodSnrDb, int poorSnrDb, int highNoiseDbm, int busyChannelPercent,
                            int congestedNeighbors, int strongNeighborDbm, int stickyClientDbm, int cpuPercent,
                            int memoryPercent, int temperatureCelsius, int packetLossPercent, int latencyMillis,
                            int rebootLoopBoots, int meshBackhaulDbm, int meshBackhaulMbps, int pppSessionSeconds,
                            int dhcpLeaseSeconds, int clientsPerRadio) {

    public QoeThresholds {
        weights = Map.copyOf(weights);
    }

    public static QoeThresholds defaults() {
        Map<Factor, Integer> weights = new EnumMap<>(Factor.class);
        for (Factor factor : Factor.values()) {
            weights.put(factor, factor.defaultWeight());
        }
        return new QoeThresholds(weights, 70, -75, -65, 25, 15, -75, 70, 5, -70, -60, 90, 90, 85, 5, 100, 3, -75,
                100, 600, 600, 32);
    }

    /** The defaults with what the spec sets; a null spec is the defaults. */
    public static QoeThresholds from(QoeSpec spec) {
        QoeThresholds d = defaults();
        if (spec == null) {
            return d;
        }
        Map<Factor, Integer> weights = new EnumMap<>(d.weights());
        if (spec.getWeights() != null) {
            spec.getWeights().forEach((key, value) -> Factor.byKey(key)
                    .ifPresent(factor -> weights.put(factor, Math.max(0, Math.min(100, value == null ? 0 : value)))));
        }
        return new QoeThresholds(weights, or(spec.getHealthyScore(), d.healthyScore()),
                or(spec.getWeakSignalDbm(), d.weakSignalDbm()), or(spec.getGoodSignalDbm(), d.goodSignalDbm()),
                d.goodSnrDb(), d.poorSnrDb(), or(spec.getHighNoiseDbm(), d.highNoiseDbm()),
                or(spec.getBusyChannelPercent(), d.busyChannelPercent()),
                or(spec.getCongestedNeighbors(), d.congestedNeighbors()), d.strongNeighborDbm(), d.stickyClientDbm(),
                or(spec.getCpuPercent(), d.cpuPercent()), or(spec.getMemoryPercent(), d.memoryPercent()),
                or(spec.getTemperatureCelsius(), d.temperatureCelsius()),
                or(spec.getPacketLossPercent(), d.packetLossPercent()), or(spec.getLatencyMillis(), d.latencyMillis()),
                or(spec.getRebootLoopBoots(), d.rebootLoopBoots()), or(spec.getMeshBackhaulDbm(), d.meshBackhaulDbm()),
                d.meshBackhaulMbps(), d.pppSessionSeconds(), d.dhcpLeaseSeconds(), d.clientsPerRadio());
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
