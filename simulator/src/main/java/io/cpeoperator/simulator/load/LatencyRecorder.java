package io.cpeoperator.simulator.load;

import java.util.Arrays;
import java.util.Locale;

/** Collects latencies (bounded) and reports count, throughput and percentiles. Thread-safe. */
public final class LatencyRecorder {

    private static final int MAX_SAMPLES = 2_000_000;

    private long[] samples = new long[4096];
    private int size;
    private long total;
    private long failures;

    public synchronized void record(long nanos) {
        total++;
        if (size == samples.length && size < MAX_SAMPLES) {
            samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
        }
        if (size < samples.length) {
            samples[size++] = nanos;
        }
    }

    public synchronized void failure() {
        failures++;
    }

    public synchronized long count() {
        return total;
    }

    public synchronized long failures() {
        return failures;
    }

    /** Percentile in milliseconds, {@code p} in [0, 100]. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
        return sorted[index] / 1_000_000.0;
    }

    public String summary(String what, double seconds) {
        return String.format(Locale.ROOT, "%s: %d ok, %d failed in %.1f s = %.1f/s; latency ms p50=%.1f p95=%.1f p99=%.1f max=%.1f",
                what, count(), failures(), seconds, count() / Math.max(0.001, seconds), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}
