package io.cpeoperator.bridge.cwmp.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the ACS keeps twins current.
 *
 * @param valuesPerRequest        names per GetParameterValues call of a full sync or refresh (default 100)
 * @param alwaysLevelByLevel      walk every device level by level (GetParameterNames NextLevel=true); otherwise a
 *                                full walk is tried first and a device that faults or dies on it is walked level
 *                                by level from then on
 * @param maxParameters           most parameters accepted from one device (a hostile or broken tree stops there)
 * @param telemetry               subtrees re-read during sessions once their twin values are older than a max age
 * @param activeNotificationPaths parameters switched to active notification after the first full sync
 * @param retry                   Connection Requests that retry a full sync which failed for a passing reason
 */
public record TwinSyncPolicy(int valuesPerRequest, boolean alwaysLevelByLevel, int maxParameters,
                             List<TelemetryRefresh> telemetry, List<String> activeNotificationPaths,
                             SyncRetryPolicy retry) {

    public TwinSyncPolicy {
        if (valuesPerRequest <= 0 || maxParameters <= 0) {
            throw new IllegalArgumentException("valuesPerRequest and maxParameters must be positive");
        }
        telemetry = List.copyOf(telemetry);
        activeNotificationPaths = List.copyOf(activeNotificationPaths);
        Objects.requireNonNull(retry, "retry");
    }

    public static TwinSyncPolicy defaults() {
        return new TwinSyncPolicy(100, false, 100_000, List.of(), List.of(), SyncRetryPolicy.defaults());
    }

    public TwinSyncPolicy withValuesPerRequest(int chunk) {
        return new TwinSyncPolicy(chunk, alwaysLevelByLevel, maxParameters, telemetry,
                activeNotificationPaths, retry);
    }

    public TwinSyncPolicy withLevelByLevel(boolean levelByLevel) {
        return new TwinSyncPolicy(valuesPerRequest, levelByLevel, maxParameters, telemetry,
                activeNotificationPaths, retry);
    }

    public TwinSyncPolicy withTelemetry(List<TelemetryRefresh> refreshes) {
        return new TwinSyncPolicy(valuesPerRequest, alwaysLevelByLevel, maxParameters, refreshes,
                activeNotificationPaths, retry);
    }

    public TwinSyncPolicy withActiveNotification(List<String> paths) {
        return new TwinSyncPolicy(valuesPerRequest, alwaysLevelByLevel, maxParameters, telemetry, paths, retry);
    }

    public TwinSyncPolicy withMaxParameters(int max) {
        return new TwinSyncPolicy(valuesPerRequest, alwaysLevelByLevel, max, telemetry, activeNotificationPaths,
                retry);
    }

    public TwinSyncPolicy withRetry(SyncRetryPolicy newRetry) {
        return new TwinSyncPolicy(valuesPerRequest, alwaysLevelByLevel, maxParameters, telemetry,
                activeNotificationPaths, newRetry);
    }

    /**
     * A telemetry subtree and how old its twin values may get.
     *
     * @param pathPattern a twin path pattern, e.g. {@code Device.WiFi.AccessPoint.*.AssociatedDevice.}
     */
    public record TelemetryRefresh(String pathPattern, Duration maxAge) {
        public TelemetryRefresh {
            Objects.requireNonNull(pathPattern, "pathPattern");
            Objects.requireNonNull(maxAge, "maxAge");
        }
    }
}
