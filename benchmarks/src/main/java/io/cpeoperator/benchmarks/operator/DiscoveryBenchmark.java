package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Discovery at scale: the whole operator in embedded mode with its real ACS, USP controller and broker, and N simulated
 * devices (half CWMP, half USP) connecting at once from a simulator in a child process. Measures the time until every
 * device has a CpeDevice with Synced=True, and the operator's heap in use afterwards (after a GC).
 */
public final class DiscoveryBenchmark implements Benchmark {

    private static final String NS = "cpe-system";
    private static final String CONTROLLER_ID = "self::cpe-operator";
    /** Connection Request credentials the simulated devices are given and the operator uses (never a secret). */
    private static final String CR_USERNAME = "benchmark-cr";
    private static final String CR_PASSWORD = "benchmark-cr-secret";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public String description() {
        return "N simulated devices connect: seconds until all are discovered and Synced, operator heap; "
                + "args: [devices=500] [timeoutSeconds=100] [simulatorHeap=3g]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String simulatorHeap = args.length > 2 ? args[2] : "3g";
        long start = System.nanoTime();
        int acsPort = EmbeddedMqttBroker.freePort();
        int mqttPort = EmbeddedMqttBroker.freePort();
        OperatorApplication app = new OperatorApplication(OperatorConfig.parse(new String[]{
                "--bind-address", "127.0.0.1", "--http-port", "0",
                "--acs-port", Integer.toString(acsPort), "--mqtt-port", Integer.toString(mqttPort),
                "--namespace", NS, "--controller-id", CONTROLLER_ID, "--cr-username", CR_USERNAME},
                Map.of("CPE_CR_PASSWORD", CR_PASSWORD)), true, Clock.systemUTC());
        SimulatorProcess simulator = null;
        try {
            app.start();
            app.kubernetesClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
                    .endMetadata().build()).createOr(existing -> existing.update());
            simulator = SimulatorProcess.start(simulatorHeap, simulatorArgs(devices, acsPort, mqttPort));
            report.line("simulator process %d started (%d devices), its log: %s", simulator.pid(), devices,
                    simulator.log());
            Progress progress = awaitAllSynced(app, devices, start, Duration.ofSeconds(timeout), report);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.line("%d devices: %d discovered, %d synced after %.1f s (including operator start)", devices,
                    progress.discovered(), progress.synced(), seconds);
            if (progress.synced() >= devices) {
                report.result("discovery.secondsToAllSynced", seconds);
            } else {
                report.line("not all devices synced within %d s; secondsToAllSynced not reported", timeout);
                report.result("discovery.syncedFraction", progress.synced() / (double) devices);
            }
            report.line("CPU time: operator process %.1f s, simulator process %.1f s", processCpuSeconds(),
                    simulator.cpuSeconds());
            System.gc();
            Thread.sleep(500);
            report.result("discovery.operatorHeapMiB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                    .getUsed() / (1024.0 * 1024.0));
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            app.close();
        }
    }

    /** The simulator's options: the operator's ACS, broker, controller ID and Connection Request credentials. */
    private static List<String> simulatorArgs(int devices, int acsPort, int mqttPort) {
        return List.of("--devices", Integer.toString(devices),
                "--acs", "http://127.0.0.1:" + acsPort + "/",
                "--mqtt", "tcp://127.0.0.1:" + mqttPort,
                "--controller-id", CONTROLLER_ID,
                "--cr-username", CR_USERNAME,
                "--cr-password", CR_PASSWORD,
                // as many devices at once as the embedded simulator brings up (its default startup spread)
                "--startup-spread", "2s",
                "--status-interval", "30s");
    }

    private static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private record Progress(long discovered, long synced) {
    }

    private static Progress awaitAllSynced(OperatorApplication app, int devices, long start, Duration timeout,
                                           BenchmarkReport report) throws InterruptedException {
        // listing every CpeDevice costs the operator's process (the API server is embedded): poll less often
        // the bigger the fleet
        long pollMillis = Math.max(500, devices / 2L);
        long nextReport = start + REPORT_EVERY.toNanos();
        Progress progress = new Progress(0, 0);
        while (System.nanoTime() - start < timeout.toNanos()) {
            List<CpeDevice> items = app.kubernetesClient().resources(CpeDevice.class).inNamespace(NS).list()
                    .getItems();
            progress = new Progress(items.size(), items.stream().filter(d -> d.getStatus() != null
                    && Conditions.isTrue(d.getStatus().getConditions(), "Synced")).count());
            if (progress.synced() >= devices) {
                break;
            }
            if (System.nanoTime() > nextReport) {
                report.line("  after %.0f s: %d discovered, %d synced", (System.nanoTime() - start) / 1e9,
                        progress.discovered(), progress.synced());
                nextReport += REPORT_EVERY.toNanos();
            }
            Thread.sleep(pollMillis);
        }
        return progress;
    }
}
