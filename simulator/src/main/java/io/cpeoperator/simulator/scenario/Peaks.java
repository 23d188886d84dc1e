package io.cpeoperator.simulator.scenario;

/**
 * The hours of day (UTC of the simulated clock) the time-of-day scenarios follow: the ground truth a fleet-level
 * analysis of busy hours and recurring interference is scored against.
 */
public final class Peaks {

    /** evening-peak: busiest from this hour (inclusive)... */
    public static final int BUSY_FROM_HOUR = 20;
    /** ...to this hour (exclusive). */
    public static final int BUSY_TO_HOUR = 22;
    /** recurring-interference: congested from this hour (inclusive)... */
    public static final int INTERFERENCE_FROM_HOUR = 18;
    /** ...to this hour (exclusive). */
    public static final int INTERFERENCE_TO_HOUR = 23;

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private Peaks() {
    }

    public static double hourOfDay(long epochMillis) {
        return Math.floorMod(epochMillis, DAY) / (double) HOUR;
    }

    /** 1 in the busy hours, 0.15 from midnight to 17:00, ramping up from 17:00 and down after the busy hours. */
    public static double eveningLoad(long epochMillis) {
        double hour = hourOfDay(epochMillis);
        if (hour >= BUSY_FROM_HOUR && hour < BUSY_TO_HOUR) {
            return 1.0;
        }
        if (hour >= 17 && hour < BUSY_FROM_HOUR) {
            return 0.15 + 0.45 * (hour - 17) / (BUSY_FROM_HOUR - 17);
        }
        if (hour >= BUSY_TO_HOUR) {
            return 0.6 - 0.45 * (hour - BUSY_TO_HOUR) / (24 - BUSY_TO_HOUR);
        }
        return 0.15;
    }

    /** Milliseconds of busy hours between two instants: what makes counters grow fast in the evening. */
    public static long busyMillisBetween(long fromMillis, long toMillis) {
        return busyMillisBefore(toMillis) - busyMillisBefore(Math.min(fromMillis, toMillis));
    }

    private static long busyMillisBefore(long t) {
        long days = Math.floorDiv(t, DAY);
        long inDay = Math.floorMod(t, DAY);
        long window = (BUSY_TO_HOUR - BUSY_FROM_HOUR) * HOUR;
        return days * window + Math.max(0, Math.min(window, inDay - BUSY_FROM_HOUR * HOUR));
    }

    public static boolean interferenceHours(long epochMillis) {
        double hour = hourOfDay(epochMillis);
        return hour >= INTERFERENCE_FROM_HOUR && hour < INTERFERENCE_TO_HOUR;
    }
}
