package io.cpeoperator.operator.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fleet with seven days of hourly samples, healthy with noise unless a problem is switched on. Device i has model
 * {@code MODELS[i % 5]}, hardware 1.0 or 2.0, firmware {@code VERSIONS[(i / 10) % 4]}, access node
 * {@code olt-(i / 20)}, 2.4 GHz channel 1, 6 or 11 and 5 GHz channel 36, 44 or 149.
 */
final class SyntheticFleet {

    static final Instant NOW = Instant.parse("2026-03-16T23:59:00Z");
    static final long LAST_HOUR = NOW.getEpochSecond() / 3600;
    static final String[] MODELS = {"VX-7000", "HG8245H", "Livebox 6", "Archer VR600", "FRITZ!Box 7590"};
    static final String[] VERSIONS = {"3.5.2", "3.5.1", "3.4.0", "3.3.9"};
    static final String BAD_NODE = "olt-007";

    final int size;
    private final long seed;
    boolean badFirmware;
    boolean congestedChannel6;
    boolean oneBadEvening;
    boolean busyHour21;
    boolean badNode;
    boolean hotModel;
    int hoursOfHistory = 168;
    /** A device that is bad at everything (reboot loop, terrible WAN, congested every evening), or -1. */
    int outlier = -1;

    SyntheticFleet(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    List<DeviceFacts> facts() {
        List<DeviceFacts> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new DeviceFacts("cpe-" + i, MODELS[i % 5], (i / 5) % 2 == 0 ? "1.0" : "2.0",
                    VERSIONS[(i / 10) % 4], "olt-" + String.format("%03d", i / 20), null));
        }
        return out;
    }

    HourlyHistoryStore history() {
        HourlyHistoryStore store = new HourlyHistoryStore(7);
        Random random = new Random(seed);
        List<DeviceFacts> facts = facts();
        for (int i = 0; i < size; i++) {
            fill(i, facts.get(i), store.of("cpe-" + i), random);
        }
        return store;
    }

    private void fill(int i, DeviceFacts f, HourlyHistory h, Random random) {
        boolean onBadFirmware = badFirmware && f.model().equals("VX-7000") && f.firmwareVersion().equals("3.4.0");
        boolean onBadNode = badNode && BAD_NODE.equals(f.accessNode()) && i % 10 != 0;
        boolean hot = hotModel && f.model().equals("Archer VR600");
        boolean isOutlier = i == outlier;
        int ch24 = new int[] {1, 6, 11}[i % 3];
        int ch5 = new int[] {36, 44, 149}[(i / 3) % 3];
        double tempOffset = random.nextGaussian() * 3;
        double rebootsPerDay = isOutlier ? 20 : onBadFirmware ? 0.8 : 0.03;
        for (long hour = LAST_HOUR - hoursOfHistory + 1; hour <= LAST_HOUR; hour++) {
            long t = hour * 3600 + 300;
            int hod = (int) Math.floorMod(hour, 24L);
            int day = (int) (LAST_HOUR - hour) / 24;
            boolean evening = hod >= 19 && hod <= 23;
            double qoe = 86 + random.nextGaussian() * 4;
            if (onBadFirmware) {
                qoe -= 8;
            }
            double latency = Math.max(2, 20 + random.nextGaussian() * 5);
            double loss = Math.max(0, 0.1 + random.nextGaussian() * 0.1);
            if ((onBadNode && evening) || isOutlier) {
                latency = 120 + random.nextDouble() * 60;
                loss = 3 + random.nextDouble() * 2;
                qoe -= 25;
            }
            double clients = Math.max(0, 3 + random.nextGaussian());
            double bytes = 1e8 * (0.7 + random.nextDouble() * 0.6);
            if (busyHour21 && hod == 21) {
                clients *= 2.2;
                bytes *= 2.5;
            } else if (busyHour21 && (hod == 20 || hod == 22)) {
                clients *= 1.5;
                bytes *= 1.6;
            }
            double util24 = Math.max(0, 30 + random.nextGaussian() * 12);
            boolean congestion = (congestedChannel6 || (oneBadEvening && day == 2)) && ch24 == 6
                    && hod >= 20 && hod <= 22 && random.nextDouble() < 0.7;
            if (congestion || (isOutlier && evening)) {
                util24 = 80 + random.nextDouble() * 15;
            }
            double cpu = 30 + random.nextGaussian() * 8 + (hot ? 25 : 0);
            h.record(Metric.QOE_SCORE, qoe, t);
            h.record(Metric.CPU_PERCENT, cpu, t);
            h.record(Metric.MEMORY_PERCENT, 50 + random.nextGaussian() * 8, t);
            h.record(Metric.TEMPERATURE_C, 50 + tempOffset + random.nextGaussian() * 2 + (hot ? 20 : 0), t);
            h.record(Metric.WAN_LATENCY_MS, latency, t);
            h.record(Metric.WAN_LOSS_PERCENT, loss, t);
            h.record(Metric.WIFI_CLIENTS, clients, t);
            h.record(Metric.WAN_BYTES, bytes, t);
            h.record(Metric.CHANNEL_2G4, ch24, t);
            h.record(Metric.CHANNEL_UTILIZATION_2G4_PERCENT, util24, t);
            h.record(Metric.CHANNEL_5G, ch5, t);
            h.record(Metric.CHANNEL_UTILIZATION_5G_PERCENT, Math.max(0, 20 + random.nextGaussian() * 10), t);
            if (random.nextDouble() < rebootsPerDay / 24) {
                h.record(Metric.UNEXPECTED_REBOOTS, 1, t + 600);
            }
        }
    }
}
