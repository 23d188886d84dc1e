package io.cpeoperator.benchmarks.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the benchmark steps by hand, so an hour of telemetry runs in a minute. */
final class SteppedClock extends Clock {

    private volatile Instant now;

    SteppedClock(Instant start) {
        this.now = start;
    }

    synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
