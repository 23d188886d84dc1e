package io.cpeoperator.bridge.logging;

import java.time.Clock;

/**
 * A budget of log lines per minute for an event that can hit the whole fleet at once (an outage failing 100,000
 * syncs, a broker outage silencing 100,000 agents must not write 100,000 lines): within the budget each device gets
 * its line, beyond it the lines are held back. Either the next line that may be written says how many were
 * ({@link #take()}), or the caller sums them up in a line of its own ({@link #takeHeldBack()}).
 */
public final class FleetLogBudget {

    private static final long WINDOW_MILLIS = 60_000;

    private final Clock clock;
    private final int linesPerMinute;
    private long windowStart;
    private int written;
    private long heldBack;

    public FleetLogBudget(Clock clock, int linesPerMinute) {
        if (linesPerMinute < 0) {
            throw new IllegalArgumentException("linesPerMinute must not be negative");
        }
        this.clock = clock;
        this.linesPerMinute = linesPerMinute;
        this.windowStart = clock.millis();
    }

    /** -1 when this line is to be held back; otherwise how many were held back since the last line written. */
    public synchronized long take() {
        long now = clock.millis();
        if (now - windowStart >= WINDOW_MILLIS || now < windowStart) {
            windowStart = now;
            written = 0;
        }
        if (written >= linesPerMinute) {
            heldBack++;
            return -1;
        }
        written++;
        return takeHeldBack();
    }

    /**
     * How many lines were held back since the last line written or the last call; they count as reported from now
     * on (the caller writes one summary line for them).
     */
    public synchronized long takeHeldBack() {
        long held = heldBack;
        heldBack = 0;
        return held;
    }
}
