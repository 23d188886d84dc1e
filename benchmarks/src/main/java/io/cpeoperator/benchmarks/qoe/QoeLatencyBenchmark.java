package io.cpeoperator.benchmarks.qoe;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.benchmarks.operator.SimulatedOperatorRig;
import io.cpeoperator.benchmarks.twin.QuietLogging;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.device.identity.DeviceNames;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.scenario.Scenario;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code java -Xmx2g -jar benchmarks/target/cpe-benchmarks.jar qoe-latency [devices] [switches] [timeoutSeconds]}
 * (defaults 40, 30, 180). Detection latency: the operator with its bridges ({@code --qoe-telemetry-interval 15s
 * --qoe-interval 2s --status-write-interval 0s}) and an all-healthy simulated fleet (cwmp=50,usp=50). Once every
 * CpeDevice has status.qoe, scenarios are switched on one device at a time at random moments (0-8 s apart; the
 * scenarios in turn, each on a random unused device whose model can show it; reboot-loop left out, it needs the buggy
 * firmware). A CpeDevice informer stamps the first status.qoe.findings holding one of the scenario's expected codes.
 * CpuOverload needs two CPU readings a minute apart by design, so it is reported apart from the p99. A switch not
 * detected within the timeout (counted from the last switch) enters the percentiles as infinitely late, and a RESULT
 * that lands on one is printed as the timeout: a lower bound. Misses are listed with the age of the device's twin
 * readings, to tell a re-read that never came from a check that did not fire.
 */
public final class QoeLatencyBenchmark implements Benchmark {

    private static final Duration TELEMETRY_INTERVAL = Duration.ofSeconds(15);
    private static final long SEED = 7;

    @Override
    public String name() {
        return "qoe-latency";
    }

    @Override
    public String description() {
        return "scenario switched on in a running fleet -> finding in status.qoe, p50/max per scenario and p99 "
                + "(target <= 2 telemetry intervals of 15 s); args: [devices=40] [switches=30] [timeoutSeconds=180]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.level("io.cpeoperator", "WARN");
        QuietLogging.level("io.javaoperatorsdk", "WARN");
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int switches = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int timeout = args.length > 2 ? Integer.parseInt(args[2]) : 180;
        try (SimulatedOperatorRig rig = new SimulatedOperatorRig("--qoe-interval", "2s", "--qoe-telemetry-interval",
                TELEMETRY_INTERVAL.toSeconds() + "s", "--status-write-interval", "0s")) {
            long start = System.nanoTime();
            Simulator simulator = rig.startSimulator(rig.simulatorConfig().devices(devices).mix("cwmp=50,usp=50")
                    .seed(SEED).serialOffset(1).informInterval(Duration.ofSeconds(30))
                    .timing(SimulatedOperatorRig.timing(Duration.ofSeconds(60), Duration.ofSeconds(5))).build());
            Map<String, Pending> pending = new ConcurrentHashMap<>();
            Map<String, Long> detectedAt = new ConcurrentHashMap<>();
            SharedIndexInformer<CpeDevice> informer = rig.client.resources(CpeDevice.class)
                    .inNamespace(SimulatedOperatorRig.NAMESPACE).inform(new DetectionWatcher(pending, detectedAt));
            try {
                int ready = awaitQoe(informer, devices, Duration.ofSeconds(timeout));
                report.line("%d of %d devices have status.qoe after %.1f s", ready, devices,
                        (System.nanoTime() - start) / 1e9);
                List<Switch> done = switchOn(simulator, informer, switches, pending, report);
                long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
                while (System.nanoTime() < deadline && !detectedAt.keySet().containsAll(
                        done.stream().map(Switch::name).toList())) {
                    Thread.sleep(200);
                }
                print(done, detectedAt, timeout, rig, report);
            } finally {
                informer.close();
            }
        }
    }

    private static int awaitQoe(SharedIndexInformer<CpeDevice> informer, int devices, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int ready = 0;
        while (System.nanoTime() < deadline) {
            ready = (int) informer.getStore().list().stream()
                    .filter(d -> d.getStatus() != null && d.getStatus().getQoe() != null).count();
            if (ready >= devices) {
                break;
            }
            Thread.sleep(500);
        }
        return ready;
    }

    /** The scenarios in turn, each on a random device not used yet whose model can show it. */
    private static List<Switch> switchOn(Simulator simulator, SharedIndexInformer<CpeDevice> informer, int switches,
                                         Map<String, Pending> pending, BenchmarkReport report)
            throws InterruptedException {
        Random random = new Random(SEED);
        List<SimulatedDevice> unused = new ArrayList<>(simulator.devices());
        Collections.shuffle(unused, random);
        List<Scenario> scenarios = new ArrayList<>(EnumSet.complementOf(EnumSet.of(Scenario.HEALTHY,
                Scenario.REBOOT_LOOP)));
        List<Switch> done = new ArrayList<>();
        int turn = 0;
        int misses = 0;
        while (done.size() < switches && !unused.isEmpty() && misses < scenarios.size()) {
            Scenario scenario = scenarios.get(turn++ % scenarios.size());
            SimulatedDevice device = unused.stream()
                    .filter(d -> ScenarioFit.fits(scenario, d.state().model())).findFirst().orElse(null);
            if (device == null) {
                misses++;
                continue;
            }
            misses = 0;
            String id = device.id().toString();
            String name = DeviceNames.nameFor(DeviceId.parse(id));
            CpeDevice current = informer.getStore().getByKey(SimulatedOperatorRig.NAMESPACE + "/" + name);
            if (current == null || !codes(current).isEmpty() && scenario.expectedFindings().stream()
                    .anyMatch(codes(current)::contains)) {
                report.line("skipping %s for %s: its status already shows %s", id, scenario.cliName(),
                        current == null ? "nothing" : codes(current));
                unused.remove(device);
                continue;
            }
            Thread.sleep(random.nextInt(8_000));
            long at = System.nanoTime();
            pending.put(name, new Pending(Set.copyOf(scenario.expectedFindings()), at));
            try {
                simulator.setScenarios(id, EnumSet.of(scenario));
            } catch (IllegalArgumentException cannot) {
                pending.remove(name);
                report.line("skipping %s for %s: %s", id, scenario.cliName(), cannot.getMessage());
                continue;
            }
            unused.remove(device);
            done.add(new Switch(name, id, device.state().model().productClass(), scenario, at));
        }
        report.line("%d scenarios switched on", done.size());
        return done;
    }

    private static void print(List<Switch> done, Map<String, Long> detectedAt, int timeout, SimulatedOperatorRig rig,
                              BenchmarkReport report) {
        Map<Scenario, List<Double>> byScenario = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        int missed = 0;
        for (Switch s : done) {
            Long detected = detectedAt.get(s.name());
            byScenario.computeIfAbsent(s.scenario(), k -> new ArrayList<>());
            if (detected == null) {
                missed++;
                report.line("NOT DETECTED within %d s: %s %s %s (expected one of %s); %s", timeout, s.id(),
                        s.model(), s.scenario().cliName(), s.scenario().expectedFindings(),
                        rig.freshness(DeviceId.parse(s.id())));
            } else {
                report.line("detected after %5.1f s: %s %s %s", (detected - s.switchedAt()) / 1e9, s.id(), s.model(),
                        s.scenario().cliName());
            }
            // a miss counts as longer than any detection: the p99 is not flattered by leaving it out
            double seconds = detected == null ? Double.POSITIVE_INFINITY : (detected - s.switchedAt()) / 1e9;
            byScenario.get(s.scenario()).add(seconds);
            all.add(seconds);
            if (s.scenario() != Scenario.CPU_OVERLOAD) {
                withoutCpu.add(seconds);
            }
        }
        report.line("");
        report.line("%-14s %9s %8s %8s", "scenario", "detected", "p50 s", "max s");
        for (Map.Entry<Scenario, List<Double>> entry : byScenario.entrySet()) {
            List<Double> values = entry.getValue();
            values.sort(Double::compare);
            long switched = done.stream().filter(s -> s.scenario() == entry.getKey()).count();
            long detected = values.stream().filter(Double::isFinite).count();
            report.line("%-14s %4d of %-2d %8.1f %8.1f", entry.getKey().cliName(), detected, switched,
                    percentile(values, 0.5), values.isEmpty() ? Double.NaN : values.get(values.size() - 1));
        }
        all.sort(Double::compare);
        withoutCpu.sort(Double::compare);
        report.line("");
        report.line("%d of %d switches detected; p99 %.1f s without cpu-overload, %.1f s with it (Infinity: a "
                        + "switch not detected within %d s)", done.size() - missed, done.size(),
                percentile(withoutCpu, 0.99), percentile(all, 0.99), timeout);
        report.line("telemetry re-reads requested %.0f, failed %.0f", rig.telemetryRefreshes("requested"),
                rig.telemetryRefreshes("failed"));
        // an undetected switch is reported as the timeout: the true figure is at least that
        report.result("qoe.detectionP99Seconds", censored(percentile(withoutCpu, 0.99), timeout));
        report.result("qoe.detectionP99SecondsWithCpuOverload", censored(percentile(all, 0.99), timeout));
        List<Double> cpu = byScenario.getOrDefault(Scenario.CPU_OVERLOAD, List.of());
        if (!cpu.isEmpty()) {
            report.result("qoe.cpuOverloadDetectionMaxSeconds", censored(cpu.get(cpu.size() - 1), timeout));
        }
        report.result("qoe.detectedFraction", round(done.isEmpty() ? Double.NaN
                : (done.size() - missed) / (double) done.size()));
        report.result("qoe.telemetryIntervalSeconds", TELEMETRY_INTERVAL.toSeconds());
    }

    private static Set<String> codes(CpeDevice device) {
        if (device.getStatus() == null || device.getStatus().getQoe() == null
                || device.getStatus().getQoe().getFindings() == null) {
            return Set.of();
        }
        Set<String> codes = new java.util.HashSet<>();
        for (QoeFinding finding : device.getStatus().getQoe().getFindings()) {
            codes.add(finding.getCode());
        }
        return codes;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double censored(double seconds, int timeout) {
        return Double.isInfinite(seconds) ? timeout : round(seconds);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private record Pending(Set<String> codes, long switchedAt) {
    }

    private record Switch(String name, String id, String model, Scenario scenario, long switchedAt) {
    }

    /** Stamps, per CpeDevice name, the first update whose status.qoe.findings holds an awaited code. */
    private record DetectionWatcher(Map<String, Pending> pending, Map<String, Long> detectedAt)
            implements ResourceEventHandler<CpeDevice> {

        @Override
        public void onAdd(CpeDevice device) {
            check(device);
        }

        @Override
        public void onUpdate(CpeDevice before, CpeDevice after) {
            check(after);
        }

        @Override
        public void onDelete(CpeDevice device, boolean deletedFinalStateUnknown) {
        }

        private void check(CpeDevice device) {
            long now = System.nanoTime();
            String name = device.getMetadata().getName();
            Pending awaited = pending.get(name);
            if (awaited != null && codes(device).stream().anyMatch(awaited.codes()::contains)) {
                detectedAt.putIfAbsent(name, now);
                pending.remove(name);
            }
        }
    }
}
