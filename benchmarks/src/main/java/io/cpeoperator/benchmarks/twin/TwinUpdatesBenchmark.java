package io.cpeoperator.benchmarks.twin;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -Xmx2g -jar benchmarks/target/cpe-benchmarks.jar twin-updates [devices] [seconds]} (defaults 2000, 5).
 * Parameter updates per second into a loaded fleet on 2 threads: single-parameter updates (a value-change
 * notification each) and 50-parameter batches (a bulk-data row or an Inform). Each thread updates its own devices
 * with new values for the devices' own paths (counters, rates, states); updates are prepared before timing.
 * {@code twin.updatesPerSecond} is the 50-parameter-batch figure, counted in parameters.
 */
public final class TwinUpdatesBenchmark implements Benchmark {

    private static final int THREADS = 2;
    private static final int BATCH = 50;
    private static final int POOL_BATCHES = 2_000;

    @Override
    public String name() {
        return "twin-updates";
    }

    @Override
    public String description() {
        return "parameter updates/s on 2 threads, single and 50-parameter batches (target >= 5,000,000); -Xmx2g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.apply();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SyntheticFleet fleet = new SyntheticFleet(3_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ShardedTwinStore store = new ShardedTwinStore(
                TwinStoreConfig.defaults().withMaxParameters(2L * devices * 3_000), registry, Clock.systemUTC());
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int d = 0; d < devices; d++) {
            store.applySnapshot(SyntheticFleet.id(d), SyntheticFleet.schema(d), fleet.device(d), t0);
        }
        report.line("loaded %d devices x 3000 parameters; %d threads, %d s per mode after %d s warm-up", devices,
                THREADS, seconds, seconds);

        List<List<Work>> pools = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            pools.add(preparePool(fleet, devices, t));
        }
        // warm-up both modes, then measure
        measure(store, pools, seconds, true);
        measure(store, pools, seconds, false);
        Rate single = measure(store, pools, seconds, true);
        Rate batched = measure(store, pools, seconds, false);
        report.line("single-parameter updates: %,.0f parameters/s (%,.0f per CPU-second of the %d threads, which got "
                + "%.2f cores)", single.perSecond(), single.perCpuSecond(), THREADS, single.cores());
        report.line("50-parameter batches:     %,.0f parameters/s (%,.0f per CPU-second of the %d threads, which got "
                + "%.2f cores)", batched.perSecond(), batched.perCpuSecond(), THREADS, batched.cores());
        report.line("(fewer than %d cores: other processes competed for the CPU. Per CPU-second is the cost of an "
                + "update whatever CPU the threads got; it is not simply doubled by two busy cores, which share "
                + "caches and memory bandwidth)", THREADS);
        report.line("store after the run: schemas=%.0f evictions=%.0f rejected=%.0f",
                registry.get("cpe.twin.schemas").gauge().value(), registry.counter("cpe.twin.evictions").count(),
                registry.find("cpe.twin.rejected").counters().stream().mapToDouble(c -> c.count()).sum());
        report.result("twin.singleUpdatesPerSecond", Math.round(single.perSecond()));
        report.result("twin.batchUpdatesPerSecond", Math.round(batched.perSecond()));
        report.result("twin.batchUpdatesPerCpuSecond", Math.round(batched.perCpuSecond()));
        report.result("twin.updatesPerSecond", Math.round(batched.perSecond()));
    }

    /** One batch of 50 changed values for one device; single mode sends them one by one. */
    private record Work(DeviceId id, List<ParameterValue> batch, List<List<ParameterValue>> singles) {
    }

    private static List<Work> preparePool(SyntheticFleet fleet, int devices, int thread) {
        Random random = new Random(thread);
        List<Work> pool = new ArrayList<>(POOL_BATCHES);
        for (int b = 0; b < POOL_BATCHES; b++) {
            int device = thread + THREADS * random.nextInt(devices / THREADS);
            List<ParameterValue> all = fleet.device(device);
            List<ParameterValue> batch = new ArrayList<>(BATCH);
            List<List<ParameterValue>> singles = new ArrayList<>(BATCH);
            for (int k = 0; k < BATCH; k++) {
                ParameterValue old = all.get(random.nextInt(all.size()));
                ParameterValue changed = new ParameterValue(old.path(), changedValue(old.value(), random), old.type(),
                        null);
                batch.add(changed);
                singles.add(List.of(changed));
            }
            pool.add(new Work(SyntheticFleet.id(device), List.copyOf(batch), singles));
        }
        return pool;
    }

    private static String changedValue(String value, Random random) {
        try {
            return Long.toString(Long.parseLong(value) + 1 + random.nextInt(10_000));
        } catch (NumberFormatException notANumber) {
            return switch (value) {
                case "Up" -> "Down";
                case "true" -> "false";
                case "1" -> "0";
                default -> random.nextBoolean() ? value : value + "-" + random.nextInt(100);
            };
        }
    }

    /** Updates per wall-clock second, and per second of CPU time the updating threads actually got. */
    private record Rate(double perSecond, double perCpuSecond, double cores) {
    }

    private static Rate measure(ShardedTwinStore store, List<List<Work>> pools, int seconds, boolean single)
            throws InterruptedException {
        AtomicLong total = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (List<Work> pool : pools) {
            Thread thread = new Thread(() -> {
                long cpuBefore = cpu.getCurrentThreadCpuTime();
                total.addAndGet(run(store, pool, deadline, single));
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuBefore);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = cpuNanos.get() / 1e9;
        return new Rate(total.get() / elapsed, total.get() / cpuSeconds, cpuSeconds / elapsed);
    }

    private static long run(ShardedTwinStore store, List<Work> pool, long deadline, boolean single) {
        long updates = 0;
        long second = 1_795_000_000L;
        int i = 0;
        while (System.nanoTime() < deadline) {
            Work work = pool.get(i++ % pool.size());
            Instant at = Instant.ofEpochSecond(second + (i >> 10));
            if (single) {
                for (List<ParameterValue> one : work.singles()) {
                    store.applyUpdates(work.id(), one, at);
                }
            } else {
                store.applyUpdates(work.id(), work.batch(), at);
            }
            updates += BATCH;
        }
        return updates;
    }
}
