package io.cpeoperator.benchmarks.qoe;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.benchmarks.operator.SimulatedOperatorRig;
import io.cpeoperator.benchmarks.twin.QuietLogging;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.device.identity.DeviceNames;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.cpeoperator.simulator.scenario.Scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code java -Xmx2g -jar benchmarks/target/cpe-benchmarks.jar qoe-accuracy [seeds] [devices] [minutesPerSeed]}
 * (defaults 3, 90, 4). QoE accuracy against the simulator's ground truth: per seed, the real operator in embedded
 * mode with its bridges ({@code --qoe-interval 2s --qoe-telemetry-interval 10s --status-write-interval 0s}) and a
 * separately started simulated fleet (cwmp=50,usp=50; every scenario but healthy on 4 devices each, chosen among the
 * models that can show it, the rest healthy as the control group; reboot loops every 60 s). After the run time, the
 * latest full assessment of every device (QoE HTTP API) is compared with its ground truth's expected findings:
 * TP/FP/FN per finding code over all seeds, precision and recall per code, and the false-alarm rate of the healthy
 * group (a healthy device with any Warning or Critical finding). Every mismatching device is listed with the
 * observations of its checks, so a miss can be traced to the data or to the engine.
 */
public final class QoeAccuracyBenchmark implements Benchmark {

    private static final int PER_SCENARIO = 4;
    private static final Duration LOOP_PERIOD = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "qoe-accuracy";
    }

    @Override
    public String description() {
        return "QoE findings vs the simulator's ground truth: precision/recall per code (target >= 0.95) and "
                + "false-alarm rate of healthy devices (target <= 0.01); args: [seeds=3] [devices=90] "
                + "[minutesPerSeed=4]; -Xmx2g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.level("io.cpeoperator", "WARN");
        QuietLogging.level("io.javaoperatorsdk", "WARN");
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        String scenarios = scenarioSpec();
        report.line("seeds=%d devices=%d minutes per seed=%.1f scenarios=%s", seeds, devices, minutes, scenarios);
        Tally tally = new Tally();
        for (int seed = 1; seed <= seeds; seed++) {
            runSeed(seed, devices, scenarios, Duration.ofSeconds(Math.round(minutes * 60)), tally, report);
        }
        tally.print(report);
    }

    /** Every scenario but healthy, {@value #PER_SCENARIO} devices each. */
    static String scenarioSpec() {
        List<String> parts = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            if (scenario != Scenario.HEALTHY) {
                parts.add(scenario.cliName() + "=" + PER_SCENARIO);
            }
        }
        return String.join(",", parts);
    }

    private static void runSeed(int seed, int devices, String scenarios, Duration runTime, Tally tally,
                                BenchmarkReport report) throws Exception {
        long start = System.nanoTime();
        try (SimulatedOperatorRig rig = new SimulatedOperatorRig("--qoe-interval", "2s", "--qoe-telemetry-interval", "10s",
                "--status-write-interval", "0s")) {
            Simulator simulator = rig.startSimulator(rig.simulatorConfig().devices(devices).mix("cwmp=50,usp=50")
                    .scenarios(scenarios).seed(seed).serialOffset(1).informInterval(Duration.ofSeconds(30))
                    .timing(SimulatedOperatorRig.timing(LOOP_PERIOD, Duration.ofSeconds(10))).build());
            long deadline = start + runTime.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(30_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                List<CpeDevice> listed = rig.client.resources(CpeDevice.class).inNamespace(SimulatedOperatorRig.NAMESPACE).list()
                        .getItems();
                long withQoe = listed.stream().filter(d -> d.getStatus() != null && d.getStatus().getQoe() != null)
                        .count();
                report.line("seed %d, %3.0f s: %d CpeDevices, %d with status.qoe", seed,
                        (System.nanoTime() - start) / 1e9, listed.size(), withQoe);
            }
            Map<String, GroundTruth> truth = simulator.groundTruth();
            QoeApi api = new QoeApi(rig.app.httpPort());
            for (GroundTruth device : truth.values()) {
                DeviceId id = DeviceId.parse(device.deviceId());
                String name = DeviceNames.nameFor(id);
                tally.add(seed, device, api.assessment(SimulatedOperatorRig.NAMESPACE, name), rig.freshness(id));
            }
            report.line("seed %d: QoE telemetry re-reads requested %.0f, failed %.0f", seed,
                    rig.telemetryRefreshes("requested"), rig.telemetryRefreshes("failed"));
        }
    }

    /** Counts over all seeds, and the mismatching devices. */
    private static final class Tally {
        private final Map<String, int[]> perCode = new TreeMap<>(); // code -> {TP, FP, FN}
        private final List<String> mismatches = new ArrayList<>();
        private int healthy;
        private int falseAlarms;
        private int notEvaluated;
        private int total;

        void add(int seed, GroundTruth truth, Optional<QoeApi.Assessment> assessment, String freshness) {
            total++;
            Set<String> expected = new TreeSet<>(truth.expectedFindings());
            Set<String> got = assessment.map(a -> a.findings().stream().map(QoeApi.Finding::code)
                    .collect(Collectors.toCollection(TreeSet::new))).orElseGet(TreeSet::new);
            notEvaluated += assessment.isEmpty() ? 1 : 0;
            for (String code : expected) {
                perCode.computeIfAbsent(code, c -> new int[3])[got.contains(code) ? 0 : 2]++;
            }
            for (String code : got) {
                if (!expected.contains(code)) {
                    perCode.computeIfAbsent(code, c -> new int[3])[1]++;
                }
            }
            if (truth.healthy()) {
                healthy++;
                if (assessment.isPresent() && assessment.get().findings().stream()
                        .anyMatch(QoeApi.Finding::serious)) {
                    falseAlarms++;
                }
            }
            if (assessment.isEmpty() || !expected.equals(got)) {
                StringBuilder line = new StringBuilder(String.format("seed %d %s %s %s fw %s: expected %s, got %s",
                        seed, truth.deviceId(), truth.model(), truth.scenarios(), truth.firmware(), expected,
                        assessment.isEmpty() ? "no assessment (not evaluated)" : got + " verdict "
                                + assessment.get().verdict() + ", evaluated at " + assessment.get().evaluatedAt()));
                line.append("\n      ").append(freshness).append(" (compared at ").append(Instant.now()).append(')');
                assessment.ifPresent(a -> {
                    for (QoeApi.Finding f : a.findings()) {
                        line.append("\n      finding ").append(f.code()).append(' ').append(f.severity())
                                .append(": ").append(f.message());
                    }
                    for (String check : a.checks()) {
                        line.append("\n      check ").append(check);
                    }
                });
                mismatches.add(line.toString());
            }
        }

        void print(BenchmarkReport report) {
            report.line("");
            report.line("%-24s %5s %5s %5s %9s %7s", "code", "TP", "FP", "FN", "precision", "recall");
            double minPrecision = 1;
            double minRecall = 1;
            for (Map.Entry<String, int[]> entry : perCode.entrySet()) {
                int tp = entry.getValue()[0];
                int fp = entry.getValue()[1];
                int fn = entry.getValue()[2];
                double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
                double recall = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
                report.line("%-24s %5d %5d %5d %9s %7s", entry.getKey(), tp, fp, fn, ratio(precision),
                        ratio(recall));
                // a code expected but never raised has no precision; its recall of 0 shows the miss
                minPrecision = Double.isNaN(precision) ? minPrecision : Math.min(minPrecision, precision);
                minRecall = Double.isNaN(recall) ? minRecall : Math.min(minRecall, recall);
            }
            report.line("");
            report.line("%d devices, %d healthy (control group), %d with a Warning/Critical finding; %d not evaluated",
                    total, healthy, falseAlarms, notEvaluated);
            report.line("%d mismatching devices:", mismatches.size());
            mismatches.forEach(m -> report.line("  %s", m));
            report.result("qoe.minPrecision", round(minPrecision));
            report.result("qoe.minRecall", round(minRecall));
            report.result("qoe.falseAlarmRate", round(healthy == 0 ? Double.NaN : falseAlarms / (double) healthy));
        }

        private static String ratio(double value) {
            return Double.isNaN(value) ? "-" : String.format("%.3f", value);
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
