package io.cpeoperator.bridge.usp.controller;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Allows one log line per key per interval and counts what it held back. */
final class LogThrottle {

    private final long intervalNanos;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    LogThrottle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** -1 when the caller must stay silent; otherwise the number of suppressed events since the last line. */
    long permit(String key) {
        State state = states.computeIfAbsent(key, k -> new State());
        long now = System.nanoTime();
        long last = state.lastLog.get();
        if (last != 0 && now - last < intervalNanos) {
            state.suppressed.incrementAndGet();
            return -1;
        }
        if (!state.lastLog.compareAndSet(last, now)) {
            state.suppressed.incrementAndGet();
            return -1;
        }
        return state.suppressed.getAndSet(0);
    }

    private static final class State {
        final AtomicLong lastLog = new AtomicLong();
        final AtomicLong suppressed = new AtomicLong();
    }
}
