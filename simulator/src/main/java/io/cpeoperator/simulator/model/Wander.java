package io.cpeoperator.simulator.model;

/**
 * Deterministic, smooth pseudo-random motion: the same device, key and time always give the same value, so values
 * need no storage and tests can look at any moment. Values interpolate between random points {@code period} apart.
 */
public final class Wander {

    private static final long DAY_MILLIS = 86_400_000L;

    private Wander() {
    }

    /** A smooth value in [0, 1) that moves over {@code periodMillis}. */
    public static double smooth(long seed, int key, long timeMillis, long periodMillis) {
        long step = Math.floorDiv(timeMillis, periodMillis);
        double fraction = (double) Math.floorMod(timeMillis, periodMillis) / periodMillis;
        double a = unit(seed, key, step);
        double b = unit(seed, key, step + 1);
        double eased = fraction * fraction * (3 - 2 * fraction);
        return a + (b - a) * eased;
    }

    /** A smooth value in [min, max). */
    public static double between(long seed, int key, long timeMillis, long periodMillis, double min, double max) {
        return min + (max - min) * smooth(seed, key, timeMillis, periodMillis);
    }

    /** A fixed per-device value in [0, 1) for a key (base RSSI, memory size...). */
    public static double unit(long seed, int key) {
        return unit(seed, key, 0);
    }

    public static double unit(long seed, int key, long step) {
        long h = mix(seed ^ (key * 0x9E3779B97F4A7C15L) ^ (step * 0xC2B2AE3D27D4EB4FL));
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Household activity over the day: low at 04:00, high around 21:00 (simulated UTC time). */
    public static double dailyActivity(long timeMillis) {
        double hour = Math.floorMod(timeMillis, DAY_MILLIS) / 3_600_000.0;
        double evening = Math.exp(-Math.pow((hour - 21) / 3.5, 2));
        double daytime = 0.45 * Math.exp(-Math.pow((hour - 13) / 4.0, 2));
        return Math.min(1.0, 0.12 + evening + daytime);
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
