package io.cpeoperator.operator.qoe.history;

import java.util.OptionalDouble;

/**
 * The increase of a device counter between two reads. Counters wrap (a 32-bit unsignedInt at 2^32, a 64-bit
 * unsignedLong at 2^64) and restart from zero when the device reboots or the interface resets: a fall from the upper
 * half of the counter's range to a small value is a wrap; any other fall is a reset, whose increase is unknown.
 */
public final class CounterDelta {

    private static final double TWO_TO_32 = 4_294_967_296.0;
    private static final double TWO_TO_64 = 18_446_744_073_709_551_616.0;

    private CounterDelta() {
    }

    /** @return empty for a reset (or nonsense such as a negative counter) */
    public static OptionalDouble between(double previous, double current) {
        if (previous < 0 || current < 0 || Double.isNaN(previous) || Double.isNaN(current)) {
            return OptionalDouble.empty();
        }
        if (current >= previous) {
            return OptionalDouble.of(current - previous);
        }
        double range = previous < TWO_TO_32 ? TWO_TO_32 : TWO_TO_64;
        if (previous >= range / 2 && current < range / 4) {
            return OptionalDouble.of(range - previous + current);
        }
        return OptionalDouble.empty();
    }
}
