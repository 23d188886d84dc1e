package io.cpeoperator.benchmarks.twin;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -Xmx1g -jar benchmarks/target/cpe-benchmarks.jar twin-read [devices] [reads]} (defaults 100, 200000).
 * Latency of reading the subtree {@code Device.WiFi.} of 3,000-parameter twins (values decoded, records built,
 * path-ordered), one thread, devices taken round-robin; percentiles over individually timed reads after warm-up.
 */
public final class TwinReadBenchmark implements Benchmark {

    @Override
    public String name() {
        return "twin-read";
    }

    @Override
    public String description() {
        return "latency of a Device.WiFi. subtree read on a 3,000-parameter twin (p50/p99/p99.9); -Xmx1g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.apply();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        SyntheticFleet fleet = new SyntheticFleet(3_000);
        ShardedTwinStore store = new ShardedTwinStore(TwinStoreConfig.defaults(), new SimpleMeterRegistry(),
                Clock.systemUTC());
        DeviceId[] ids = new DeviceId[devices];
        for (int d = 0; d < devices; d++) {
            ids[d] = SyntheticFleet.id(d);
            store.applySnapshot(ids[d], SyntheticFleet.schema(d), fleet.device(d), Instant.now());
        }
        long matched = 0;
        for (int i = 0; i < reads / 2; i++) {
            matched += store.read(ids[i % devices], "Device.WiFi.").size();
        }
        report.line("devices=%d, Device.WiFi. subtree holds %.0f parameters on average", devices,
                (double) matched / (reads / 2));
        long[] nanos = new long[reads];
        long sink = 0;
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            List<TwinParameter> subtree = store.read(ids[i % devices], "Device.WiFi.");
            nanos[i] = System.nanoTime() - start;
            sink += subtree.size();
        }
        Arrays.sort(nanos);
        report.line("reads=%d p50=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us (checksum %d)", reads,
                percentile(nanos, 0.50), percentile(nanos, 0.99), percentile(nanos, 0.999),
                nanos[reads - 1] / 1000.0, sink);
        report.result("twin.subtreeReadP50Micros", Math.round(percentile(nanos, 0.50) * 10) / 10.0);
        report.result("twin.subtreeReadP99Micros", Math.round(percentile(nanos, 0.99) * 10) / 10.0);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
