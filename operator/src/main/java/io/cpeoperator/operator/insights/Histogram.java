package io.cpeoperator.operator.insights;

/** Counts of values in fixed bins (clamped to the ends), for medians of groups and of their complements. */
final class Histogram {

    private final double origin;
    private final double width;
    private final int[] counts;
    private int total;

    Histogram(double origin, double width, int bins) {
        this.origin = origin;
        this.width = width;
        this.counts = new int[bins];
    }

    void add(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        counts[bin(value)]++;
        total++;
    }

    void addAll(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    int total() {
        return total;
    }

    /** The lower median, in bin values; NaN when empty. */
    double median() {
        if (total == 0) {
            return Double.NaN;
        }
        int seen = 0;
        int half = (total + 1) / 2;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= half) {
                return origin + i * width;
            }
        }
        return origin + (counts.length - 1) * width;
    }

    /** Values in bins strictly below the bin of {@code value}. */
    int countBelow(double value) {
        int b = bin(value);
        int n = 0;
        for (int i = 0; i < b; i++) {
            n += counts[i];
        }
        return n;
    }

    /** Values in bins strictly above the bin of {@code value}. */
    int countAbove(double value) {
        int b = bin(value);
        int n = 0;
        for (int i = b + 1; i < counts.length; i++) {
            n += counts[i];
        }
        return n;
    }

    private int bin(double value) {
        long b = Math.round((value - origin) / width);
        return (int) Math.max(0, Math.min(counts.length - 1, b));
    }
}
