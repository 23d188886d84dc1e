package io.cpeoperator.operator.fleet.aggregate;

/**
 * How many devices have each QoE score. Scores are integers 0..100, so 101 buckets hold the distribution exactly:
 * adding or removing a score is O(1); the mean and the percentiles are exact and cost O(101) whatever the fleet size.
 * Not thread-safe: owned by a {@link FleetTally}.
 */
final class ScoreHistogram {

    static final int MAX_SCORE = 100;

    private final int[] devicesPerScore = new int[MAX_SCORE + 1];
    private int evaluated;
    private long sum;

    void add(int score) {
        devicesPerScore[score]++;
        evaluated++;
        sum += score;
    }

    void remove(int score) {
        if (devicesPerScore[score] == 0) {
            throw new IllegalStateException("no device counted with score " + score);
        }
        devicesPerScore[score]--;
        evaluated--;
        sum -= score;
    }

    /** Devices with a score. */
    int evaluated() {
        return evaluated;
    }

    /** The mean, rounded half up; null when no device has a score. */
    Integer mean() {
        return evaluated == 0 ? null : (int) ((2 * sum + evaluated) / (2L * evaluated));
    }

    /**
     * Nearest-rank percentiles, each the smallest score such that at least {@code percent}% of the scored devices
     * score it or less (always a score some device has); nulls when no device has a score. One pass for all of them.
     *
     * @param percents ascending, each in 1..100
     */
    Integer[] percentiles(int... percents) {
        Integer[] result = new Integer[percents.length];
        if (evaluated == 0) {
            return result;
        }
        int next = 0;
        long below = 0;
        for (int score = 0; score <= MAX_SCORE && next < percents.length; score++) {
            below += devicesPerScore[score];
            while (next < percents.length && below >= rank(percents[next])) {
                result[next++] = score;
            }
        }
        return result;
    }

    /** 1-based rank of the nearest-rank percentile: ceil(percent / 100 * evaluated), at least 1. */
    private long rank(int percent) {
        return Math.max(1, ((long) percent * evaluated + 99) / 100);
    }
}
