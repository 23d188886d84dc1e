package io.cpeoperator.simulator.clock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to: lets tests look at a device an hour or a day later without waiting. */
public final class ManualClock implements SimClock {

    private final AtomicLong millis;

    public ManualClock(long startEpochMillis) {
        this.millis = new AtomicLong(startEpochMillis);
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public double compression() {
        return 1.0;
    }
}
