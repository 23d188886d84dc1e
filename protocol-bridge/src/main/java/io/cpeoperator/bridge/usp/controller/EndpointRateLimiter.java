package io.cpeoperator.bridge.usp.controller;

/**
 * A token bucket per endpoint: {@code ratePerSecond} sustained, {@code burst} at once. Cheap enough to consult for
 * every record on the I/O thread, so a flooding agent is cut off before its records cost anything else.
 */
final class EndpointRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastRefill;

    EndpointRateLimiter(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastRefill = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
