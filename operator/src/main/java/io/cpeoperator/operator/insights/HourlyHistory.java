package io.cpeoperator.operator.insights;

import java.time.Instant;

/**
 * One device's recent hours, at a fixed cost: a ring of {@code hours} rows of {@value HourRow#BYTES} bytes
 * ({@link HourRow}), slot {@code epochHour mod hours}, plus the running sums of the newest hour. The newest hour's row
 * is rewritten after every sample, so a row always reads as the hour so far. A sample older than the ring (counted
 * back from the newest hour recorded) is dropped; a sample later than the newest hour moves the ring on, emptying the
 * hours skipped. A late sample for an hour already closed can still fill a gauge the hour lacks, add to its totals or
 * set its channel, but cannot be averaged into a mean already closed (its sample count is gone) and is counted in
 * {@link #lateSamplesDropped()}. Derived and rebuildable: never written to the Kubernetes API. Thread-safe.
 */
public final class HourlyHistory {

    private static final long NO_HOUR = Long.MIN_VALUE;
    private static final int METRICS = Metric.values().length;

    private final int hours;
    private final byte[] rows;
    /** The newest hour's running sums, counts and maxima, by metric ordinal. */
    private final double[] sum = new double[METRICS];
    private final int[] count = new int[METRICS];
    private final double[] max = new double[METRICS];
    private long newestHour = NO_HOUR;
    private int lateSamplesDropped;

    public HourlyHistory(int days) {
        checkDays(days);
        this.hours = days * 24;
        this.rows = new byte[hours * HourRow.BYTES];
        for (int slot = 0; slot < hours; slot++) {
            System.arraycopy(HourRow.EMPTY, 0, rows, slot * HourRow.BYTES, HourRow.BYTES);
        }
    }

    static void checkDays(int days) {
        if (days < 1 || days > 62) {
            throw new IllegalArgumentException("days must be 1-62, was " + days);
        }
    }

    /** Bytes held by the arrays of one history (array headers counted as 16 bytes each), without the object header. */
    public static long arrayBytes(int days) {
        return 16L + (long) days * 24 * HourRow.BYTES + 16L + 8L * METRICS + 16L + 4L * METRICS + 16L + 8L * METRICS;
    }

    public int hours() {
        return hours;
    }

    public void record(Metric metric, double value, Instant at) {
        record(metric, value, at.getEpochSecond());
    }

    /** Records one sample taken at {@code epochSecond}; NaN and infinities are ignored. */
    public synchronized void record(Metric metric, double value, long epochSecond) {
        if (!Double.isFinite(value)) {
            return;
        }
        long hour = Math.floorDiv(epochSecond, 3600L);
        if (newestHour == NO_HOUR || hour > newestHour) {
            moveTo(hour);
        } else if (hour <= newestHour - hours) {
            return;
        }
        int base = slot(hour) * HourRow.BYTES;
        if (hour == newestHour) {
            addToNewest(metric, value, base);
        } else {
            addLate(metric, value, base);
        }
    }

    private void moveTo(long hour) {
        if (newestHour != NO_HOUR) {
            long empty = Math.min(hours, hour - newestHour);
            for (long h = hour - empty + 1; h <= hour; h++) {
                System.arraycopy(HourRow.EMPTY, 0, rows, slot(h) * HourRow.BYTES, HourRow.BYTES);
            }
        }
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        newestHour = hour;
    }

    private void addToNewest(Metric metric, double value, int base) {
        int i = metric.ordinal();
        switch (metric.fold()) {
            case MEAN -> {
                sum[i] += value;
                count[i]++;
                HourRow.writeMean(rows, base, metric, sum[i] / count[i]);
                if (metric.keepsMax() && value > max[i]) {
                    max[i] = value;
                    HourRow.writeMax(rows, base, metric, value);
                }
            }
            case TOTAL -> {
                if (value < 0) {
                    return;
                }
                sum[i] += value;
                writeTotal(metric, base, sum[i]);
            }
            case LAST -> HourRow.writeChannel(rows, base, metric, value);
        }
    }

    private void addLate(Metric metric, double value, int base) {
        switch (metric.fold()) {
            case MEAN -> {
                if (HourRow.hasMean(rows, base, metric)) {
                    lateSamplesDropped++;
                    return;
                }
                HourRow.writeMean(rows, base, metric, value);
                if (metric.keepsMax()) {
                    HourRow.writeMax(rows, base, metric, value);
                }
            }
            case TOTAL -> {
                if (value < 0) {
                    return;
                }
                if (metric == Metric.UNEXPECTED_REBOOTS) {
                    writeTotal(metric, base, HourRow.reboots(rows, base) + value);
                } else {
                    double before = HourRow.wanBytes(rows, base);
                    writeTotal(metric, base, (Double.isNaN(before) ? 0 : before) + value);
                }
            }
            case LAST -> {
                if (HourRow.channel(rows, base, metric) == 0) {
                    HourRow.writeChannel(rows, base, metric, value);
                }
            }
        }
    }

    private void writeTotal(Metric metric, int base, double total) {
        if (metric == Metric.UNEXPECTED_REBOOTS) {
            HourRow.writeReboots(rows, base, Math.round(total));
        } else {
            HourRow.writeWanBytes(rows, base, total);
        }
    }

    /** The hour's mean (gauges), total (reboots, bytes) or channel (0 for none); NaN outside the ring or unknown. */
    public synchronized double value(Metric metric, long epochHour) {
        if (!holds(epochHour)) {
            return Double.NaN;
        }
        int base = slot(epochHour) * HourRow.BYTES;
        return switch (metric.fold()) {
            case MEAN -> HourRow.mean(rows, base, metric);
            case TOTAL -> metric == Metric.UNEXPECTED_REBOOTS ? HourRow.reboots(rows, base) : HourRow.wanBytes(rows, base);
            case LAST -> HourRow.channel(rows, base, metric);
        };
    }

    /** The hour's largest sample for metrics that {@link Metric#keepsMax() keep it}, else NaN. */
    public synchronized double max(Metric metric, long epochHour) {
        return holds(epochHour) ? HourRow.max(rows, slot(epochHour) * HourRow.BYTES, metric) : Double.NaN;
    }

    /** The newest hour recorded (hours since the epoch), or {@link Long#MIN_VALUE} before the first sample. */
    public synchronized long newestHour() {
        return newestHour;
    }

    public synchronized int lateSamplesDropped() {
        return lateSamplesDropped;
    }

    /**
     * Copies the {@code hours} hours ending with {@code lastHour} into {@code out} (row 0 = the oldest), in
     * {@link HourRow} layout; hours this history does not hold read as empty.
     */
    synchronized void copyWindow(long lastHour, byte[] out) {
        long first = lastHour - hours + 1;
        int firstSlot = slot(first);
        int head = (hours - firstSlot) * HourRow.BYTES;
        System.arraycopy(rows, firstSlot * HourRow.BYTES, out, 0, head);
        System.arraycopy(rows, 0, out, head, firstSlot * HourRow.BYTES);
        long oldestHeld = newestHour == NO_HOUR ? Long.MAX_VALUE : newestHour - hours + 1;
        for (int r = 0; r < hours; r++) {
            long h = first + r;
            if (h < oldestHeld || h > newestHour) {
                System.arraycopy(HourRow.EMPTY, 0, out, r * HourRow.BYTES, HourRow.BYTES);
            }
        }
    }

    private boolean holds(long hour) {
        return newestHour != NO_HOUR && hour <= newestHour && hour > newestHour - hours;
    }

    private int slot(long hour) {
        return (int) Math.floorMod(hour, (long) hours);
    }
}
