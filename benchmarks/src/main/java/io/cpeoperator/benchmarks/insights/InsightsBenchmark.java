package io.cpeoperator.benchmarks.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.operator.insights.DeviceFacts;
import io.cpeoperator.operator.insights.FleetInsights;
import io.cpeoperator.operator.insights.FleetInsightsReport;
import io.cpeoperator.operator.insights.HourlyHistory;
import io.cpeoperator.operator.insights.HourlyHistoryStore;
import io.cpeoperator.operator.insights.InsightSettings;
import io.cpeoperator.operator.insights.Metric;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code java -jar benchmarks/target/cpe-benchmarks.jar insights [devices]} (default 100000). N synthetic devices (5
 * models with 2 hardware versions, 4 firmware versions, 200 access nodes, 2.4 and 5 GHz channels) with 7 days of
 * hourly samples of every metric, one sample per metric per hour, and five problems built in: one firmware version
 * of one model rebooting 0.8 times a day, channel 6 congested at 20-22 h in most homes on it, a busy hour at 21 h,
 * one access node whose devices lose their WAN every evening, one model running hot. Measures {@link
 * FleetInsights#compute} on one thread (median of 7 after 3 warm-ups) and the history's cost per device, both as
 * retained heap (used heap after full collections, before and after the store is built, divided by the devices:
 * includes the store's map entry) and from the array sizes; then prints the insights and the report.
 */
public final class InsightsBenchmark implements Benchmark {

    private static final Instant NOW = Instant.parse("2026-03-16T23:59:00Z");
    private static final long LAST_HOUR = NOW.getEpochSecond() / 3600;
    private static final String[] MODELS = {"VX-7000", "HG8245H", "Livebox 6", "Archer VR600", "FRITZ!Box 7590"};
    private static final String[] VERSIONS = {"3.5.2", "3.5.1", "3.4.0", "3.3.9"};
    private static final int NODES = 200;
    private static final String BAD_NODE = "olt-017";
    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;

    @Override
    public String name() {
        return "insights";
    }

    @Override
    public String description() {
        return "Fleet insights over N devices x 7 days of hourly history (target < 2000 ms) and history bytes per"
                + " device (target <= 4096); args: [devices=100000]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<DeviceFacts> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(facts(i));
        }
        long before = retainedBytes();
        HourlyHistoryStore store = new HourlyHistoryStore(7);
        for (DeviceFacts d : devices) {
            store.of(d.deviceId());
        }
        long fillStart = System.nanoTime();
        IntStream.range(0, count).parallel().forEach(i -> fill(i, devices.get(i), store.of(devices.get(i).deviceId())));
        report.line("%,d devices x 168 hours x %d metrics recorded in %.1f s", count, Metric.values().length,
                (System.nanoTime() - fillStart) / 1e9);
        long after = retainedBytes();
        double retainedPerDevice = (double) (after - before) / count;
        long arrays = HourlyHistory.arrayBytes(7);
        report.line("history per device: %.0f bytes retained (heap after GC, with the map entry), %d bytes of arrays"
                + " (%d hours x 18 bytes + the newest hour's sums)", retainedPerDevice, arrays, 7 * 24);

        InsightSettings settings = InsightSettings.defaults();
        FleetInsightsReport result = null;
        for (int i = 0; i < WARM_UPS; i++) {
            result = FleetInsights.compute(devices, store, NOW, settings);
        }
        long[] runs = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = FleetInsights.compute(devices, store, NOW, settings);
            runs[i] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        report.line("compute: median %.0f ms, min %.0f ms, max %.0f ms over %d runs", runs[RUNS / 2] / 1e6,
                runs[0] / 1e6, runs[RUNS - 1] / 1e6, RUNS);
        report.line("");
        report.line("%-22s %-8s %-22s %8s %10s %10s  %s", "kind", "severity", "subject", "devices", "value",
                "baseline", "unit");
        for (FleetInsight f : result.insights()) {
            report.line("%-22s %-8s %-22s %8s %10s %10s  %s", f.getKind(), f.getSeverity(), f.getSubject(),
                    f.getDevices() == null ? "-" : f.getDevices(), f.getValue() == null ? "-" : f.getValue(),
                    f.getBaseline() == null ? "-" : f.getBaseline(), f.getUnit() == null ? "" : f.getUnit());
        }
        report.line("");
        report.line("%s", result.report());
        report.line("");
        report.result("insights.computeMillis", Math.round(runs[RUNS / 2] / 1e6));
        report.result("insights.historyBytesPerDevice", Math.round(retainedPerDevice));
        report.result("insights.historyArrayBytesPerDevice", arrays);
        report.result("insights.found", result.insights().size());
    }

    private static DeviceFacts facts(int i) {
        return new DeviceFacts("cpe-" + i, MODELS[i % 5], (i / 5) % 2 == 0 ? "1.0" : "2.0", VERSIONS[(i / 10) % 4],
                String.format("olt-%03d", (i / 7) % NODES), null);
    }

    /** Healthy with noise, but for the five problems; seeded per device so that the fleet is the same every run. */
    private static void fill(int i, DeviceFacts f, HourlyHistory h) {
        SplittableRandom random = new SplittableRandom(i * 7919L + 17);
        boolean badFirmware = f.model().equals("VX-7000") && f.firmwareVersion().equals("3.4.0");
        boolean badNode = BAD_NODE.equals(f.accessNode()) && random.nextDouble() < 0.9;
        boolean hot = f.model().equals("Archer VR600");
        int ch24 = new int[] {1, 6, 11}[i % 3];
        int ch5 = new int[] {36, 44, 149}[(i / 3) % 3];
        double tempOffset = noise(random) * 3;
        double rebootsPerDay = badFirmware ? 0.8 : 0.03;
        for (long hour = LAST_HOUR - 167; hour <= LAST_HOUR; hour++) {
            long t = hour * 3600 + 300;
            int hod = (int) Math.floorMod(hour, 24L);
            boolean evening = hod >= 19 && hod <= 23;
            double qoe = 86 + noise(random) * 4 - (badFirmware ? 8 : 0);
            double latency = Math.max(2, 20 + noise(random) * 5);
            double loss = Math.max(0, 0.1 + noise(random) * 0.1);
            if (badNode && evening) {
                latency = 120 + random.nextDouble() * 60;
                loss = 3 + random.nextDouble() * 2;
                qoe -= 25;
            }
            double peak = hod == 21 ? 2.2 : hod == 20 || hod == 22 ? 1.5 : 1;
            double util24 = Math.max(0, 30 + noise(random) * 12);
            if (ch24 == 6 && hod >= 20 && hod <= 22 && random.nextDouble() < 0.7) {
                util24 = 80 + random.nextDouble() * 15;
            }
            h.record(Metric.QOE_SCORE, qoe, t);
            h.record(Metric.CPU_PERCENT, 30 + noise(random) * 8 + (hot ? 25 : 0), t);
            h.record(Metric.MEMORY_PERCENT, 50 + noise(random) * 8, t);
            h.record(Metric.TEMPERATURE_C, 50 + tempOffset + noise(random) * 2 + (hot ? 20 : 0), t);
            h.record(Metric.WAN_LATENCY_MS, latency, t);
            h.record(Metric.WAN_LOSS_PERCENT, loss, t);
            h.record(Metric.WIFI_CLIENTS, Math.max(0, 3 + noise(random)) * peak, t);
            h.record(Metric.WAN_BYTES, 1e8 * (0.7 + random.nextDouble() * 0.6) * peak, t);
            h.record(Metric.CHANNEL_2G4, ch24, t);
            h.record(Metric.CHANNEL_UTILIZATION_2G4_PERCENT, util24, t);
            h.record(Metric.CHANNEL_5G, ch5, t);
            h.record(Metric.CHANNEL_UTILIZATION_5G_PERCENT, Math.max(0, 20 + noise(random) * 10), t);
            if (random.nextDouble() < rebootsPerDay / 24) {
                h.record(Metric.UNEXPECTED_REBOOTS, 1, t + 600);
            }
        }
    }

    /** Roughly normal (mean 0, sd 1): the sum of four uniforms, cheaper than nextGaussian for 200 million samples. */
    private static double noise(SplittableRandom random) {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2) * Math.sqrt(3);
    }

    private static long retainedBytes() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(100);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (round >= 2 && Math.abs(previous - used) < 512 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
