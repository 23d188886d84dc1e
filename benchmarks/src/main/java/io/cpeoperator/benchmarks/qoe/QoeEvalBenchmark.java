package io.cpeoperator.benchmarks.qoe;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.benchmarks.twin.QuietLogging;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeEvaluator;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.signals.DeviceSignals;
import io.cpeoperator.operator.qoe.signals.SignalReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code java -Xmx2g -jar benchmarks/target/cpe-benchmarks.jar qoe-eval [devices] [seconds]} (defaults 2000, 20).
 * QoE evaluation throughput: N twins of 3,000 parameters each (the simulator's TR-181 models read offline, a third of
 * them healthy, the rest with one scenario each, padded with vendor telemetry), then {@code SignalReader.read +
 * DeviceHistory.record + QoeEvaluator.evaluate} over every device, again and again, on availableProcessors() threads
 * (each thread its own slice of the fleet); 5 s of warm-up, then the timed run. Every evaluation is timed alone for
 * the percentiles.
 */
public final class QoeEvalBenchmark implements Benchmark {

    private static final int PARAMETERS = 3_000;
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    @Override
    public String name() {
        return "qoe-eval";
    }

    @Override
    public String description() {
        return "QoE evaluations per second (read signals + history + evaluate) over 3,000-parameter twins on all "
                + "cores, target >= 20,000/s; args: [devices=2000] [seconds=20]; -Xmx2g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.apply();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = Runtime.getRuntime().availableProcessors();
        ShardedTwinStore store = new ShardedTwinStore(TwinStoreConfig.defaults(), new SimpleMeterRegistry(),
                Clock.systemUTC());
        QoeFleet fleet = new QoeFleet(PARAMETERS, System.currentTimeMillis());
        DeviceId[] ids = new DeviceId[devices];
        DeviceHistory[] histories = new DeviceHistory[devices];
        long loadStart = System.nanoTime();
        long parameters = 0;
        Instant observedAt = Instant.now();
        for (int d = 0; d < devices; d++) {
            ids[d] = QoeFleet.id(d);
            histories[d] = new DeviceHistory();
            parameters += fleet.load(store, d, observedAt);
        }
        report.line("%d twins loaded in %.1f s, %.0f parameters each on average; %d threads", devices,
                (System.nanoTime() - loadStart) / 1e9, (double) parameters / devices, threads);
        QoeThresholds thresholds = QoeThresholds.defaults();
        int[] findings = new int[1];
        int degraded = 0;
        SignalReader reader = new SignalReader();
        QoeEvaluator evaluator = new QoeEvaluator();
        for (int d = 0; d < devices; d++) {
            QoeAssessment a = evaluateOnce(reader, evaluator, store, ids[d], histories[d], thresholds);
            findings[0] += a.findings().size();
            degraded += a.verdict() == QoeAssessment.Verdict.DEGRADED ? 1 : 0;
        }
        report.line("first pass: %d findings over %d devices, %d degraded", findings[0], devices, degraded);
        split(store, ids, thresholds, report);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Slice>> futures = new ArrayList<>();
            long start = System.nanoTime();
            long warmEnd = start + WARM_UP_NANOS;
            long end = warmEnd + seconds * 1_000_000_000L;
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> runSlice(store, ids, histories, thresholds, first, threads, warmEnd,
                        end)));
            }
            long evaluations = 0;
            long[] all = new long[0];
            long sink = 0;
            for (Future<Slice> future : futures) {
                Slice slice = future.get();
                evaluations += slice.count;
                sink += slice.sink;
                int offset = all.length;
                all = Arrays.copyOf(all, offset + slice.count);
                System.arraycopy(slice.nanos, 0, all, offset, slice.count);
            }
            Arrays.sort(all);
            double perSecond = evaluations / (double) seconds;
            report.line("%d evaluations in %d s on %d threads: %.0f devices/s; per evaluation p50=%.1f us "
                            + "p99=%.1f us max=%.1f us (checksum %d)", evaluations, seconds, threads, perSecond,
                    percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? Double.NaN
                            : all[all.length - 1] / 1000.0, sink);
            report.result("qoe.devicesPerSecond", Math.round(perSecond));
            report.result("qoe.evaluationP50Micros", Math.round(percentile(all, 0.50) * 10) / 10.0);
            report.result("qoe.evaluationP99Micros", Math.round(percentile(all, 0.99) * 10) / 10.0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static QoeAssessment evaluateOnce(SignalReader reader, QoeEvaluator evaluator, ShardedTwinStore store,
                                              DeviceId id, DeviceHistory history, QoeThresholds thresholds) {
        Optional<DeviceSignals> signals = reader.read(store, id, Instant.now());
        if (signals.isEmpty()) {
            throw new IllegalStateException("no twin for " + id);
        }
        history.record(signals.get());
        return evaluator.evaluate(signals.get(), history, thresholds);
    }

    /**
     * Where one evaluation's time goes, on one thread over fresh histories (three passes over the fleet): reading the
     * signals from the twin, recording the history, running the checks and writing the report.
     */
    private static void split(ShardedTwinStore store, DeviceId[] ids, QoeThresholds thresholds,
                              BenchmarkReport report) {
        SignalReader reader = new SignalReader();
        QoeEvaluator evaluator = new QoeEvaluator();
        long read = 0;
        long record = 0;
        long evaluate = 0;
        long sink = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (DeviceId id : ids) {
                DeviceHistory history = new DeviceHistory();
                long t0 = System.nanoTime();
                DeviceSignals signals = reader.read(store, id, Instant.now()).orElseThrow();
                long t1 = System.nanoTime();
                history.record(signals);
                long t2 = System.nanoTime();
                sink += evaluator.evaluate(signals, history, thresholds).findings().size();
                long t3 = System.nanoTime();
                read += t1 - t0;
                record += t2 - t1;
                evaluate += t3 - t2;
            }
        }
        double n = 3.0 * ids.length * 1000;
        report.line("one thread, mean per device: SignalReader.read %.1f us, DeviceHistory.record %.1f us, "
                + "QoeEvaluator.evaluate %.1f us (checksum %d)", read / n, record / n, evaluate / n, sink);
    }

    /** Devices first, first + step, ... until {@code end}; timings are kept only after {@code warmEnd}. */
    private static Slice runSlice(ShardedTwinStore store, DeviceId[] ids, DeviceHistory[] histories,
                                  QoeThresholds thresholds, int first, int step, long warmEnd, long end) {
        SignalReader reader = new SignalReader();
        QoeEvaluator evaluator = new QoeEvaluator();
        Slice slice = new Slice();
        int d = first;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return slice;
            }
            QoeAssessment a = evaluateOnce(reader, evaluator, store, ids[d], histories[d], thresholds);
            long t1 = System.nanoTime();
            if (t0 >= warmEnd) {
                slice.add(t1 - t0);
            }
            slice.sink += a.findings().size();
            d += step;
            if (d >= ids.length) {
                d = first;
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    /** One thread's timings. */
    private static final class Slice {
        long[] nanos = new long[1 << 16];
        int count;
        long sink;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }
    }
}
