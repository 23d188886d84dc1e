package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desired-configuration latency: the whole operator in embedded mode with N simulated devices (half CWMP, half USP).
 * Once every device is Synced, each CpeDevice's {@code spec.parameters} is patched to a new Wi-Fi SSID; the latency of a
 * device runs from just before its patch is sent until a watch shows ConfigApplied=True (reason Applied) for the new
 * generation. USP devices get a Set at once; CWMP devices are reached through a Connection Request.
 */
public final class ConfigLatencyBenchmark implements Benchmark {

    private static final String NS = "cpe-system";
    private static final String TR181_SSID = "Device.WiFi.SSID.1.SSID";
    private static final String TR098_SSID = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID";

    @Override
    public String name() {
        return "config-latency";
    }

    @Override
    public String description() {
        return "spec.parameters change -> ConfigApplied=True for N connected simulated devices, p50/p99 per protocol; "
                + "args: [devices=1000] [timeoutSeconds=90]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        OperatorApplication app = new OperatorApplication(OperatorConfig.parse(new String[]{
                "--bind-address", "127.0.0.1", "--http-port", "0",
                "--acs-port", "0", "--mqtt-port", "0", "--simulate", Integer.toString(devices)}, Map.of()), true,
                Clock.systemUTC());
        try {
            long start = System.nanoTime();
            app.start();
            KubernetesClient client = app.kubernetesClient();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .createOr(existing -> existing.update());
            List<CpeDevice> synced = awaitSynced(client, devices, Duration.ofSeconds(timeout));
            report.line("%d of %d devices Synced after %.1f s", synced.size(), devices,
                    (System.nanoTime() - start) / 1e9);
            if (synced.isEmpty()) {
                return;
            }
            Map<String, Long> appliedAt = new ConcurrentHashMap<>();
            SharedIndexInformer<CpeDevice> informer = client.resources(CpeDevice.class).inNamespace(NS)
                    .inform(new AppliedWatcher(appliedAt));
            try {
                measure(app, client, synced, appliedAt, Duration.ofSeconds(timeout), report);
            } finally {
                informer.close();
            }
        } finally {
            app.close();
        }
    }

    private static void measure(OperatorApplication app, KubernetesClient client, List<CpeDevice> devices,
                                Map<String, Long> appliedAt, Duration timeout, BenchmarkReport report)
            throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Protocol> protocols = new ConcurrentHashMap<>();
        long patchStart = System.nanoTime();
        int index = 0;
        for (CpeDevice device : devices) {
            String name = device.getMetadata().getName();
            Optional<DeviceId> id = DeviceKeys.idOf(device);
            if (id.isEmpty()) {
                continue;
            }
            String path = ssidPath(app.deviceGateway(), id.get());
            String ssid = "bench-" + (index++) + "-" + Long.toHexString(System.nanoTime() & 0xffff);
            String patch = "{\"spec\":{\"parameters\":{\"" + path + "\":\"" + ssid + "\"}}}";
            long sent = System.nanoTime();
            CpeDevice patched = client.resources(CpeDevice.class).inNamespace(NS).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            sentAt.put(name + "@" + patched.getMetadata().getGeneration(), sent);
            protocols.put(name + "@" + patched.getMetadata().getGeneration(), device.getSpec().getProtocol());
        }
        report.line("patched %d CpeDevices in %.1f s", sentAt.size(), (System.nanoTime() - patchStart) / 1e9);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !appliedAt.keySet().containsAll(sentAt.keySet())) {
            Thread.sleep(100);
        }
        for (Protocol protocol : Protocol.values()) {
            List<Double> latencies = new ArrayList<>();
            int sent = 0;
            for (Map.Entry<String, Long> entry : sentAt.entrySet()) {
                if (protocols.get(entry.getKey()) != protocol) {
                    continue;
                }
                sent++;
                Long applied = appliedAt.get(entry.getKey());
                if (applied != null) {
                    latencies.add((applied - entry.getValue()) / 1e6);
                }
            }
            String key = protocol.name().toLowerCase();
            latencies.sort(Double::compare);
            report.line("%s: %d of %d devices ConfigApplied=True; p50 %.0f ms, p99 %.0f ms, max %.0f ms", key,
                    latencies.size(), sent, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1));
            if (sent == 0) {
                continue;
            }
            if (latencies.size() == sent) {
                report.result("config." + key + "P99Millis", percentile(latencies, 0.99));
            } else {
                report.line("%s: not all devices applied within %d s; p99 not reported", key, timeout.toSeconds());
                report.result("config." + key + "AppliedFraction", latencies.size() / (double) sent);
            }
        }
    }

    /** The writable SSID of the device's first Wi-Fi network in the data model its twin holds. */
    private static String ssidPath(DeviceGateway gateway, DeviceId id) {
        return gateway.twins().get(id, TR181_SSID).isPresent() ? TR181_SSID : TR098_SSID;
    }

    private static List<CpeDevice> awaitSynced(KubernetesClient client, int devices, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CpeDevice> synced = List.of();
        while (System.nanoTime() < deadline) {
            synced = client.resources(CpeDevice.class).inNamespace(NS).list().getItems().stream()
                    .filter(d -> d.getStatus() != null && Conditions.isTrue(d.getStatus().getConditions(), "Synced"))
                    .toList();
            if (synced.size() >= devices) {
                break;
            }
            Thread.sleep(500);
        }
        return synced;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Records, per {@code name@generation}, when the watch first showed ConfigApplied=True for that generation. */
    private record AppliedWatcher(Map<String, Long> appliedAt) implements ResourceEventHandler<CpeDevice> {

        @Override
        public void onAdd(CpeDevice device) {
            record(device);
        }

        @Override
        public void onUpdate(CpeDevice before, CpeDevice after) {
            record(after);
        }

        @Override
        public void onDelete(CpeDevice device, boolean deletedFinalStateUnknown) {
        }

        private void record(CpeDevice device) {
            long now = System.nanoTime();
            if (device.getStatus() == null || device.getStatus().getObservedGeneration() == null) {
                return;
            }
            long generation = device.getStatus().getObservedGeneration();
            Optional<Condition> applied = Conditions.find(device.getStatus().getConditions(), "ConfigApplied");
            if (applied.isPresent() && "True".equals(applied.get().getStatus())
                    && "Applied".equals(applied.get().getReason())
                    && Long.valueOf(generation).equals(applied.get().getObservedGeneration())) {
                appliedAt.putIfAbsent(device.getMetadata().getName() + "@" + generation, now);
            }
        }
    }
}
