package io.cpeoperator.operator.insights;

/**
 * What {@link HourlyHistory} keeps per hour, and how each value is folded into its hour: a {@link Fold#MEAN} of the
 * samples (some with their maximum too), a {@link Fold#TOTAL} of counts or deltas, or the {@link Fold#LAST} value.
 * Each metric has a fixed place and scale in {@link HourRow}; values beyond the scale are clamped to its ends.
 */
public enum Metric {

    /** QoE score 0-100, in steps of 0.5. */
    QOE_SCORE(Fold.MEAN, false),
    /** Unexpected reboots, recorded as 1 at the time of each (a total per hour, at most 255). */
    UNEXPECTED_REBOOTS(Fold.TOTAL, false),
    /** CPU load in %, steps of 0.5. */
    CPU_PERCENT(Fold.MEAN, false),
    /** Memory in use in %, steps of 0.5. */
    MEMORY_PERCENT(Fold.MEAN, false),
    /** Hottest sensor in °C, -20 to 107, steps of 0.5; with the hour's maximum. */
    TEMPERATURE_C(Fold.MEAN, true),
    /** WAN round-trip time in ms, 0 to 6553, steps of 0.1. */
    WAN_LATENCY_MS(Fold.MEAN, false),
    /** WAN packet loss in %, steps of 0.01. */
    WAN_LOSS_PERCENT(Fold.MEAN, false),
    /** Associated Wi-Fi clients, 0 to 127, steps of 0.5; with the hour's maximum. */
    WIFI_CLIENTS(Fold.MEAN, true),
    /** WAN bytes (both directions) since the previous sample: a total per hour, kept to about 0.1 %. */
    WAN_BYTES(Fold.TOTAL, false),
    /** Utilization of the 2.4 GHz channel in use, in %, steps of 0.5. */
    CHANNEL_UTILIZATION_2G4_PERCENT(Fold.MEAN, false),
    /** The 2.4 GHz channel number in use (1-255). */
    CHANNEL_2G4(Fold.LAST, false),
    /** Utilization of the 5 GHz channel in use, in %, steps of 0.5. */
    CHANNEL_UTILIZATION_5G_PERCENT(Fold.MEAN, false),
    /** The 5 GHz channel number in use (1-255). */
    CHANNEL_5G(Fold.LAST, false);

    /** How the samples of one hour become one value. */
    public enum Fold {
        MEAN, TOTAL, LAST
    }

    private final Fold fold;
    private final boolean keepsMax;

    Metric(Fold fold, boolean keepsMax) {
        this.fold = fold;
        this.keepsMax = keepsMax;
    }

    public Fold fold() {
        return fold;
    }

    /** Whether the hour's largest sample is kept besides the mean. */
    public boolean keepsMax() {
        return keepsMax;
    }
}
