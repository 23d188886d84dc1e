package io.cpeoperator.benchmarks.twin;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -Xmx4g -jar benchmarks/target/cpe-benchmarks.jar twin-memory [devices] [naiveDevices] [parameters]}
 * (defaults 10000, 1000, 3000). Retained heap of the twin store holding the whole fleet, per parameter, against a
 * {@code HashMap<String,String>} per device. The naive maps take ~5 times the memory, so by default they are
 * measured on the first 1,000 devices of the same fleet (the figure is per parameter, so a subset measures it well);
 * pass {@code naiveDevices} = {@code devices} for the full set when the heap allows (~8 GB).
 */
public final class TwinMemoryBenchmark implements Benchmark {

    @Override
    public String name() {
        return "twin-memory";
    }

    @Override
    public String description() {
        return "retained heap per parameter, 10,000 devices x 3,000 parameters (target <= 40 B); run with -Xmx4g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.apply();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int naiveDevices = Math.min(devices, args.length > 1 ? Integer.parseInt(args[1]) : 1_000);
        int perDevice = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        SyntheticFleet fleet = new SyntheticFleet(perDevice);
        report.line("devices=%d parametersPerDevice=%d models=%d firmwares=%d naiveDevices=%d", devices, perDevice,
                SyntheticFleet.MODELS, SyntheticFleet.FIRMWARES, naiveDevices);

        long before = HeapMeter.retainedBytes();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ShardedTwinStore store = new ShardedTwinStore(
                TwinStoreConfig.defaults().withMaxParameters(2L * devices * perDevice), registry, Clock.systemUTC());
        long parameters = 0;
        long started = System.nanoTime();
        Instant observed = Instant.parse("2026-11-25T10:00:00Z");
        for (int d = 0; d < devices; d++) {
            List<ParameterValue> values = fleet.device(d);
            parameters += values.size();
            store.applySnapshot(SyntheticFleet.id(d), SyntheticFleet.schema(d), values, observed.plusSeconds(d));
            if ((d + 1) % 2_000 == 0) {
                report.line("  loaded %d devices (%.1f s)", d + 1, (System.nanoTime() - started) / 1e9);
            }
        }
        long after = HeapMeter.retainedBytes();
        double evictions = registry.counter("cpe.twin.evictions").count();
        double rejected = registry.find("cpe.twin.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
        report.line("twin: %d parameters, %.1f MiB retained, evictions=%.0f rejected=%.0f", parameters,
                (after - before) / 1048576.0, evictions, rejected);
        if (evictions > 0 || rejected > 0) {
            report.line("WARNING: the store dropped data; the figure below is not valid");
        }
        double twinPerParameter = (double) (after - before) / parameters;
        Reference.reachabilityFence(store);
        store = null;

        long naiveBefore = HeapMeter.retainedBytes();
        Map<DeviceId, Map<String, String>> naive = new HashMap<>();
        long naiveParameters = 0;
        for (int d = 0; d < naiveDevices; d++) {
            Map<String, String> tree = new HashMap<>();
            for (ParameterValue value : fleet.device(d)) {
                tree.put(value.path(), value.value());
            }
            naiveParameters += tree.size();
            naive.put(SyntheticFleet.id(d), tree);
        }
        long naiveAfter = HeapMeter.retainedBytes();
        report.line("naive: %d parameters on %d devices%s, %.1f MiB retained", naiveParameters, naiveDevices,
                naiveDevices < devices ? " (a subset of the same fleet, to fit the heap)" : "",
                (naiveAfter - naiveBefore) / 1048576.0);
        double naivePerParameter = (double) (naiveAfter - naiveBefore) / naiveParameters;
        Reference.reachabilityFence(naive);

        report.result("twin.bytesPerParameter", Math.round(twinPerParameter * 10) / 10.0);
        report.result("naive.bytesPerParameter", Math.round(naivePerParameter * 10) / 10.0);
    }
}
