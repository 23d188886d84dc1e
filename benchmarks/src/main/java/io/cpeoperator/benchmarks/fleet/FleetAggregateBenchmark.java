package io.cpeoperator.benchmarks.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.operator.device.DeviceConditions;
import io.cpeoperator.operator.fleet.aggregate.FleetAggregate;
import io.cpeoperator.operator.fleet.aggregate.FleetTallies;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.Grade;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code java -jar benchmarks/target/cpe-benchmarks.jar fleet-aggregate [devices] [changes]} (defaults 100000,
 * 100000). Fleet aggregates kept by {@link FleetTallies}: N synthetic CpeDevices in one namespace (5 models, 4
 * firmware versions, every condition, a QoE score, grade and up to three findings on nine devices in ten, the tenth
 * not yet evaluated), one fleet selecting them all and one selecting the quarter labelled {@code region=north}.
 * Measures, after warm-up, on one thread: (a) a full rebuild, {@code fleetChanged} over every device plus a
 * snapshot, median of 11; (b) one device whose contribution differs ({@code deviceChanged} plus a snapshot of the
 * whole fleet), median and p99 over the changes; (c) a heartbeat (only {@code lastContact} moves), which must wake no
 * fleet and needs no snapshot.
 */
public final class FleetAggregateBenchmark implements Benchmark {

    static final String NAMESPACE = "bench";
    static final String ALL = NAMESPACE + "/all";
    static final String NORTH = NAMESPACE + "/north";
    static final String TARGET_VERSION = "3.2.1";
    private static final int TOP_N = 5;
    private static final int REBUILD_WARM_UPS = 5;
    private static final int REBUILDS = 11;
    private static final String[] MODELS = {"BM632w", "HG8245H", "FRITZ!Box 7590", "Archer VR600", "Livebox 6"};
    private static final String[] VERSIONS = {TARGET_VERSION, "3.1.9", "3.0.4", "2.8.0"};
    private static final String[] REGIONS = {"north", "south", "east", "west"};

    @Override
    public String name() {
        return "fleet-aggregate";
    }

    @Override
    public String description() {
        return "CpeFleet aggregates over N devices: full rebuild + snapshot (target < 300 ms) and one device change "
                + "+ snapshot (target < 100 us); args: [devices=100000] [changes=100000]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Random random = new Random(42);
        long buildStart = System.nanoTime();
        List<CpeDevice> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(device(i, random));
        }
        report.line("%d synthetic devices built in %.1f s", count, (System.nanoTime() - buildStart) / 1e9);

        FleetTallies tallies = new FleetTallies();
        LabelSelector all = new LabelSelectorBuilder().addToMatchLabels("cpeoperator.io/fleet", "home").build();
        LabelSelector north = new LabelSelectorBuilder().addToMatchLabels("region", "north").build();
        tallies.fleetChanged(NORTH, NAMESPACE, north, devices);

        long[] rebuilds = new long[REBUILDS];
        FleetAggregate aggregate = null;
        for (int run = -REBUILD_WARM_UPS; run < REBUILDS; run++) {
            long t0 = System.nanoTime();
            tallies.fleetChanged(ALL, NAMESPACE, all, devices);
            aggregate = tallies.snapshot(ALL, TARGET_VERSION, TOP_N).orElseThrow();
            long elapsed = System.nanoTime() - t0;
            if (run >= 0) {
                rebuilds[run] = elapsed;
            }
        }
        Arrays.sort(rebuilds);
        report.line("whole fleet: %s", aggregate);
        report.line("north fleet: %d devices", tallies.snapshot(NORTH, TARGET_VERSION, TOP_N).orElseThrow().total());
        report.line("full rebuild + snapshot of %d devices, %d runs: min %.1f ms, median %.1f ms, max %.1f ms",
                count, REBUILDS, rebuilds[0] / 1e6, rebuilds[REBUILDS / 2] / 1e6, rebuilds[REBUILDS - 1] / 1e6);

        changes(tallies, devices, Math.min(changes, 50_000), random);
        Timings timings = changes(tallies, devices, changes, random);
        report.line("%d device changes (deviceChanged + snapshot): median %.2f us, p99 %.2f us, max %.1f us; "
                        + "%d woke the whole fleet, %d also the north fleet (checksum %d)", changes, timings.median(),
                timings.p99(), timings.max(), timings.wokeAll, timings.wokeNorth, timings.sink);
        Timings heartbeats = heartbeats(tallies, devices, changes, random);
        report.line("%d heartbeats (deviceChanged only): median %.2f us, p99 %.2f us; %d woke a fleet", changes,
                heartbeats.median(), heartbeats.p99(), heartbeats.wokeAll);

        report.result("fleet.aggregateMillis", Math.round(rebuilds[REBUILDS / 2] / 1e5) / 10.0);
        report.result("fleet.incrementalUpdateMicros", Math.round(timings.median() * 100) / 100.0);
        report.result("fleet.incrementalUpdateP99Micros", Math.round(timings.p99() * 100) / 100.0);
        report.result("fleet.heartbeatMicros", Math.round(heartbeats.median() * 100) / 100.0);
        report.result("fleet.heartbeatWakeUps", heartbeats.wokeAll);
    }

    /** Changes the score (always to another value) and sometimes the connection of random devices. */
    private static Timings changes(FleetTallies tallies, List<CpeDevice> devices, int changes, Random random) {
        Timings timings = new Timings(changes);
        for (int n = 0; n < changes; n++) {
            CpeDevice device = devices.get(random.nextInt(devices.size()));
            QoeStatus qoe = device.getStatus().getQoe();
            if (qoe == null || random.nextInt(10) == 0) {
                Condition connected = device.getStatus().getConditions().get(1);
                connected.setStatus("True".equals(connected.getStatus()) ? "False" : "True");
            } else {
                int score = (qoe.getScore() + 1 + random.nextInt(100)) % 101;
                qoe.setScore(score);
                qoe.setGrade(Grade.of(score).label());
            }
            long t0 = System.nanoTime();
            Set<String> woken = tallies.deviceChanged(device);
            FleetAggregate aggregate = tallies.snapshot(ALL, TARGET_VERSION, TOP_N).orElseThrow();
            timings.add(System.nanoTime() - t0);
            timings.wokeAll += woken.contains(ALL) ? 1 : 0;
            timings.wokeNorth += woken.contains(NORTH) ? 1 : 0;
            timings.sink += aggregate.connected();
        }
        return timings;
    }

    private static Timings heartbeats(FleetTallies tallies, List<CpeDevice> devices, int beats, Random random) {
        Timings timings = new Timings(beats);
        for (int n = 0; n < beats; n++) {
            CpeDevice device = devices.get(random.nextInt(devices.size()));
            device.getStatus().getSummary().setLastContact("2026-01-01T00:00:" + (10 + n % 50) + "Z");
            long t0 = System.nanoTime();
            Set<String> woken = tallies.deviceChanged(device);
            timings.add(System.nanoTime() - t0);
            timings.wokeAll += woken.isEmpty() ? 0 : 1;
        }
        return timings;
    }

    /** One device with the status the operator would write: conditions, summary and (mostly) QoE. */
    static CpeDevice device(int i, Random random) {
        CpeDevice device = new CpeDevice();
        String model = MODELS[i % MODELS.length];
        String version = VERSIONS[Math.min(VERSIONS.length - 1, (int) Math.floor(-Math.log(random.nextDouble())))];
        device.setMetadata(new ObjectMetaBuilder().withNamespace(NAMESPACE).withName(String.format("cpe-%06d", i))
                .withLabels(Map.of("cpeoperator.io/fleet", "home", "region", REGIONS[i % REGIONS.length],
                        "cpeoperator.io/protocol", i % 3 == 0 ? "usp" : "cwmp"))
                .build());
        boolean connected = random.nextInt(100) < 96;
        boolean evaluated = random.nextInt(10) != 0;
        int score = evaluated ? Math.max(0, Math.min(100, (int) Math.round(78 + 14 * random.nextGaussian()))) : -1;
        List<String> codes = evaluated ? findings(score, random) : List.of();

        CpeDeviceStatus status = new CpeDeviceStatus();
        status.setObservedGeneration(1L);
        List<Condition> conditions = new ArrayList<>();
        conditions.add(condition("Ready", connected, "Ready", "The device is as specified."));
        conditions.add(condition(DeviceConditions.CONNECTED, connected, "Informing", "Last Inform 40 s ago."));
        conditions.add(condition(DeviceConditions.SYNCED, true, "TwinCurrent", "The twin holds 3,000 parameters."));
        conditions.add(condition(DeviceConditions.CONFIG_APPLIED, random.nextInt(100) < 93, "Applied",
                "All desired parameters are set."));
        conditions.add(condition(DeviceConditions.FIRMWARE_CURRENT, version.equals(TARGET_VERSION), "Current",
                "Running the requested firmware."));
        conditions.add(evaluated
                ? condition(DeviceConditions.QOE_HEALTHY, score >= 70 && codes.isEmpty(), "Healthy", "QoE.")
                : new ConditionBuilder().withType(DeviceConditions.QOE_HEALTHY).withStatus("Unknown")
                .withReason("NotYetReported").withMessage("Not evaluated yet.")
                .withLastTransitionTime("2026-01-01T00:00:00Z").withObservedGeneration(1L).build());
        status.setConditions(conditions);

        DeviceSummary summary = new DeviceSummary();
        summary.setManufacturer("Vendor " + (i % MODELS.length));
        summary.setModelName(model);
        summary.setProductClass("IGD");
        summary.setSoftwareVersion(version);
        summary.setLastContact("2026-01-01T00:00:00Z");
        summary.setWanAddress("100.64." + (i >> 8 & 255) + "." + (i & 255));
        summary.setWanAccessType(i % 2 == 0 ? "PON" : "DSL");
        summary.setCpuPercent(random.nextInt(60));
        summary.setHostCount(random.nextInt(20));
        status.setSummary(summary);

        if (evaluated) {
            QoeStatus qoe = new QoeStatus();
            qoe.setScore(score);
            qoe.setGrade(Grade.of(score).label());
            qoe.setFactors(Map.of("wifi", score, "wan", Math.min(100, score + 10), "system", 95));
            List<QoeFinding> findings = new ArrayList<>();
            for (String code : codes) {
                QoeFinding finding = new QoeFinding();
                finding.setCode(code);
                finding.setSeverity("Warning");
                finding.setMessage(code + " on this device.");
                finding.setAction("See the README.");
                findings.add(finding);
            }
            qoe.setFindings(findings.isEmpty() ? null : findings);
            qoe.setReport("Experience is " + Grade.of(score).label().toLowerCase() + ".");
            qoe.setEvaluatedAt("2026-01-01T00:00:00Z");
            status.setQoe(qoe);
        }
        device.setStatus(status);
        return device;
    }

    /** The lower the score, the more findings; the first few codes are the common ones. */
    private static List<String> findings(int score, Random random) {
        int wanted = score >= 90 ? 0 : score >= 75 ? random.nextInt(2) : 1 + random.nextInt(3);
        List<String> codes = new ArrayList<>();
        while (codes.size() < wanted) {
            int index = Math.min(FindingCodes.ALL.size() - 1, (int) Math.floor(-4 * Math.log(random.nextDouble())));
            String code = FindingCodes.ALL.get(index);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Condition condition(String type, boolean value, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(value ? "True" : "False").withReason(reason)
                .withMessage(message).withLastTransitionTime("2026-01-01T00:00:00Z").withObservedGeneration(1L)
                .build();
    }

    /** Nanosecond timings, reported in microseconds. */
    private static final class Timings {
        final long[] nanos;
        int count;
        int wokeAll;
        int wokeNorth;
        long sink;
        private boolean sorted;

        Timings(int capacity) {
            nanos = new long[capacity];
        }

        void add(long value) {
            nanos[count++] = value;
        }

        double median() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double max() {
            return percentile(1.0);
        }

        private double percentile(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            if (!sorted) {
                Arrays.sort(nanos, 0, count);
                sorted = true;
            }
            return nanos[Math.min(count - 1, Math.max(0, (int) Math.ceil(p * count) - 1))] / 1000.0;
        }
    }
}
