package io.cpeoperator.operator.device;

import java.time.Duration;

/** Exponential backoff between attempts at a device operation, so a failing fleet never turns into a storm. */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    /** Delay before attempt {@code failures + 1}, after {@code failures} failures (at least one). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = initial.multipliedBy(1L << Math.min(doublings, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
