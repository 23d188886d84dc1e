package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
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
 * devices (half CWMP, half USP) connecting at once. Measures the time until every device has a CpeDevice with
 * Synced=True, and the heap in use afterwards (after a GC).
 */
public final class DiscoveryBenchmark implements Benchmark {

    private static final String NS = "cpe-system";

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public String description() {
        return "N simulated devices connect: seconds until all are discovered and Synced, operator heap; "
                + "args: [devices=500] [timeoutSeconds=100]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long start = System.nanoTime();
        OperatorApplication app = new OperatorApplication(OperatorConfig.parse(new String[]{"--http-port", "0",
                "--acs-port", "0", "--mqtt-port", "0", "--simulate", Integer.toString(devices)}, Map.of()), true,
                Clock.systemUTC());
        try {
            app.start();
            app.kubernetesClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
                    .endMetadata().build()).createOr(existing -> existing.update());
            long discovered = 0;
            long synced = 0;
            while (System.nanoTime() - start < Duration.ofSeconds(timeout).toNanos()) {
                List<CpeDevice> items = app.kubernetesClient().resources(CpeDevice.class).inNamespace(NS).list()
                        .getItems();
                discovered = items.size();
                synced = items.stream().filter(d -> d.getStatus() != null
                        && Conditions.isTrue(d.getStatus().getConditions(), "Synced")).count();
                if (synced >= devices) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.line("%d devices: %d discovered, %d synced after %.1f s (including operator start)", devices,
                    discovered, synced, seconds);
            if (synced >= devices) {
                report.result("discovery.secondsToAllSynced", seconds);
            } else {
                report.line("not all devices synced within %d s; secondsToAllSynced not reported", timeout);
                report.result("discovery.syncedFraction", synced / (double) devices);
            }
            System.gc();
            Thread.sleep(500);
            report.result("discovery.operatorHeapMiB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                    .getUsed() / (1024.0 * 1024.0));
        } finally {
            app.close();
        }
    }
}
