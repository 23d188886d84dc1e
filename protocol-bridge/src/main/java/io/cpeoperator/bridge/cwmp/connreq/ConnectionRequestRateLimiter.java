package io.cpeoperator.bridge.cwmp.connreq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.cpeoperator.bridge.device.DeviceId;

import java.time.Clock;

/**
 * At most one Connection Request per device per interval (remembered in a cache that forgets by itself, so a
 * million devices cost nothing once quiet), and a token bucket for the whole ACS.
 */
public final class ConnectionRequestRateLimiter {

    private final Cache<DeviceId, Boolean> recentlyAsked;
    private final Clock clock;
    private final int perSecond;
    private double tokens;
    private long lastRefillMillis;

    public ConnectionRequestRateLimiter(ConnectionRequestPolicy policy, Clock clock) {
        this.clock = clock;
        this.perSecond = policy.globalPerSecond();
        this.tokens = perSecond;
        this.lastRefillMillis = clock.millis();
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.recentlyAsked = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(policy.perDeviceInterval()).build();
    }

    /**
     * Whether a request to this device may go out now: {@code null} when it may (the device's slot and one global
     * token are taken), otherwise the outcome that says why not.
     */
    public ConnectionRequestOutcome refusal(DeviceId deviceId) {
        if (recentlyAsked.asMap().putIfAbsent(deviceId, Boolean.TRUE) != null) {
            return ConnectionRequestOutcome.RECENTLY_ASKED;
        }
        if (!takeGlobalToken()) {
            recentlyAsked.invalidate(deviceId);
            return ConnectionRequestOutcome.RATE_LIMITED;
        }
        return null;
    }

    private synchronized boolean takeGlobalToken() {
        long now = clock.millis();
        tokens = Math.min(perSecond, tokens + (now - lastRefillMillis) * perSecond / 1000.0);
        lastRefillMillis = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
