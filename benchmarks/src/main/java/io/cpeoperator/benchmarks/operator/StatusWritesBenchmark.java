package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.kube.EmbeddedKubernetes;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Status writes under steady telemetry: N devices report CPU, memory, noise and uptime every second for a compressed
 * hour (the operator's clock is stepped one second per round, and the next round waits until the operator has
 * reconciled every device once more, as it would within a real second) while nothing material changes. Counts the status
 * patches the operator wrote per device-hour, against the status changes a one-patch-per-change design would write.
 * The devices come from a protocol-free gateway feeding the real twin store; the operator, its coalescing and the
 * embedded Kubernetes API are the real ones.
 */
public final class StatusWritesBenchmark implements Benchmark {

    private static final String NS = "bench-status";

    @Override
    public String name() {
        return "status-writes";
    }

    @Override
    public String description() {
        return "CpeDevice status patches per device-hour under 1 Hz telemetry (target <= 12) vs a naive design; "
                + "args: [devices=1000] [seconds=3600] (a shorter window is extrapolated to an hour)";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3600;
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-25T00:00:00Z"));
        TelemetryGateway gateway = new TelemetryGateway(new ShardedTwinStore(TwinStoreConfig.defaults(),
                new SimpleMeterRegistry(), clock), clock);
        try (EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
            kubernetes.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
                    .endMetadata().build()).create();
            OperatorApplication app = new OperatorApplication(OperatorConfig.parse(new String[]{
                    "--bind-address", "127.0.0.1", "--http-port", "0", "--namespace", NS}, Map.of()), true, clock, gateway, kubernetes.client());
            app.start();
            try {
                List<DeviceId> ids = connect(gateway, devices);
                awaitStatuses(kubernetes, devices, report);
                clock.advance(Duration.ofSeconds(30)); // past the rate window of the first writes
                double writtenBefore = written(app);
                long naive = drive(gateway, clock, ids, seconds, app, report);
                waitQuiet(app);
                double written = written(app) - writtenBefore;
                double hours = seconds / 3600.0;
                report.line("%d devices, %d s of 1 Hz telemetry: %.0f status patches written, %d status changes "
                        + "observed", devices, seconds, written, naive);
                report.result("status.patchesPerDeviceHour", written / devices / hours);
                report.result("status.naivePatchesPerDeviceHour", naive / (double) devices / hours);
            } finally {
                app.close();
            }
        }
    }

    private static List<DeviceId> connect(TelemetryGateway gateway, int devices) {
        List<DeviceId> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String serial = String.format("B%07d", i);
            DeviceIdentity identity = new DeviceIdentity(DeviceId.cwmp("00D09E", "BENCH", serial), "Acme", "00D09E",
                    "BENCH", serial, "Bench X", "1.0.0", "A", "Device.");
            gateway.connect(identity);
            ids.add(identity.id());
        }
        return ids;
    }

    private static void awaitStatuses(EmbeddedKubernetes kubernetes, int devices, BenchmarkReport report)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long withStatus = kubernetes.client().resources(CpeDevice.class).inNamespace(NS).list().getItems()
                    .stream().filter(d -> d.getStatus() != null && d.getStatus().getSummary() != null).count();
            if (withStatus >= devices) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
                throw new IllegalStateException("only " + withStatus + " of " + devices + " devices got a status");
            }
            Thread.sleep(200);
        }
        report.line("%d CpeDevices discovered with status in %.1f s", devices, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Steps the clock one second per round and sends every device one telemetry report. Returns how many reports
     * changed a status field (CPU moves every report), i.e. what a one-patch-per-change design would write.
     */
    private static long drive(TelemetryGateway gateway, SteppedClock clock, List<DeviceId> ids, int seconds,
                              OperatorApplication app, BenchmarkReport report) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(7);
        int[] cpu = new int[ids.size()];
        long changes = 0;
        int behind = 0;
        double reconciledAtStart = reconciled(app);
        long start = System.nanoTime();
        for (int second = 1; second <= seconds; second++) {
            clock.advance(Duration.ofSeconds(1));
            double reconciledBefore = reconciled(app);
            for (int i = 0; i < ids.size(); i++) {
                int next = (cpu[i] + 1 + random.nextInt(20)) % 100; // always a different value
                cpu[i] = next;
                gateway.report(ids.get(i), 86_400L + 30 + second, next, 100_000 + random.nextInt(50_000),
                        -95 + random.nextInt(10));
                changes++;
            }
            if (!awaitReconciled(app, reconciledBefore + ids.size())) {
                behind++;
            }
            if (second % 300 == 0) {
                report.line("  %d s simulated, %.1f s real", second, (System.nanoTime() - start) / 1e9);
            }
        }
        report.line("the operator looked at each device %.2f times per simulated second; %d of %d rounds went on "
                + "after 30 s without every look", (reconciled(app) - reconciledAtStart) / ids.size() / seconds, behind,
                seconds);
        return changes;
    }

    /**
     * Holds the clock until the operator has looked at every device once more (each look sees a changed status):
     * stepping faster than the operator reconciles would leave whole simulated minutes without a decision and
     * flatter the figure.
     */
    private static boolean awaitReconciled(OperatorApplication app, double target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reconciled(app) < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static double reconciled(OperatorApplication app) {
        return app.meterRegistry().get("cpe.status.changes").counter().count();
    }

    private static void waitQuiet(OperatorApplication app) throws InterruptedException {
        double last = -1;
        while (written(app) != last) {
            last = written(app);
            Thread.sleep(1000);
        }
    }

    private static double written(OperatorApplication app) {
        return app.meterRegistry().get("cpe.status.patches").tag("outcome", "written").counter().count();
    }
}
