package io.cpeoperator.bridge.cwmp.sync;

import java.time.Clock;

/**
 * A budget of log lines per minute for an event that can hit the whole fleet at once (an outage failing 100,000
 * syncs must not write 100,000 lines): within the budget each device gets its line, beyond it the lines are held
 * back and the next line that may be written says how many were.
 */
public final class FleetLogBudget {

    private static final long WINDOW_MILLIS = 60_000;

    private final Clock clock;
    private final int linesPerMinute;
    private long windowStart;
    private int written;
    private long heldBack;

    public FleetLogBudget(Clock clock, int linesPerMinute) {
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
        long held = heldBack;
        heldBack = 0;
        return held;
    }
}
