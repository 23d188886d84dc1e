package io.cpeoperator.operator.qoe;

/**
 * Turns a measurement into a 0-100 score between a "good" and a "poor" threshold: 100 at good or better, 50 at poor,
 * falling to 0 as far beyond poor again as good is from poor. A finding is raised where the score reaches 50.
 */
public final class Ramp {

    private Ramp() {
    }

    /** For values where more is better (signal, SNR, lease time). */
    public static int higherIsBetter(double value, double good, double poor) {
        return score(value, good, poor);
    }

    /** For values where less is better (loss, latency, CPU, noise). */
    public static int lowerIsBetter(double value, double good, double poor) {
        return score(-value, -good, -poor);
    }

    private static int score(double value, double good, double poor) {
        if (value >= good) {
            return 100;
        }
        double span = good - poor;
        if (span <= 0) {
            return value >= poor ? 100 : 0;
        }
        if (value >= poor) {
            return (int) Math.round(50 + 50 * (value - poor) / span);
        }
        return (int) Math.max(0, Math.round(50 - 50 * (poor - value) / span));
    }
}
