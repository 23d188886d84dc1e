package io.cpeoperator.bridge.cwmp.connreq;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on Connection Requests: a device is asked at most once per {@code perDeviceInterval} (its session is
 * coming anyway), and the ACS sends at most {@code globalPerSecond} in total (a fleet-wide change must not become a
 * flood of sessions).
 */
public record ConnectionRequestPolicy(Duration timeout, Duration perDeviceInterval, int globalPerSecond) {

    public ConnectionRequestPolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(perDeviceInterval, "perDeviceInterval");
        if (globalPerSecond <= 0) {
            throw new IllegalArgumentException("globalPerSecond must be positive");
        }
    }

    public static ConnectionRequestPolicy defaults() {
        return new ConnectionRequestPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10), 50);
    }
}
