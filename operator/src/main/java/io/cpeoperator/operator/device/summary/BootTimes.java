package io.cpeoperator.operator.device.summary;

import io.cpeoperator.operator.conditions.Conditions;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Boot time from uptime: the instant the uptime was observed minus the uptime. Uptime itself changes every second and
 * is never written to status. The same boot, computed from two reports, may differ by a second or two (report
 * latency, rounding); within {@link #TOLERANCE} the previous boot time is kept so status does not jitter.
 */
public final class BootTimes {

    /** Shorter than any real reboot (a CPE takes far longer than this to boot), longer than report jitter. */
    public static final Duration TOLERANCE = Duration.ofSeconds(10);

    private BootTimes() {
    }

    /** @return RFC 3339 boot time, or {@code previous} when it is within the tolerance (or uptime is absurd) */
    public static String bootTime(long uptimeSeconds, Instant observedAt, String previous) {
        if (uptimeSeconds < 0 || uptimeSeconds > Duration.ofDays(365 * 20).toSeconds()) {
            return previous;
        }
        Instant boot = observedAt.minusSeconds(uptimeSeconds);
        if (previous != null) {
            try {
                Instant before = Instant.parse(previous);
                if (Duration.between(before, boot).abs().compareTo(TOLERANCE) <= 0) {
                    return previous;
                }
            } catch (DateTimeParseException ignored) {
                // overwrite what cannot be read
            }
        }
        return Conditions.format(boot);
    }
}
