package io.cpeoperator.operator.device.config;

import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a device's desired parameters back from it every interval, at its next contact (a CWMP device is not woken
 * for it: across a fleet that would be a Connection Request storm). Devices do not report every change by themselves
 * (a CWMP parameter without active notification, a USP path outside the controller's ValueChange subscription); what
 * comes back lands in the twin, and a value that moved away triggers the next reconcile like any twin change, which
 * then repairs it.
 */
final class DriftChecks {

    private static final Logger LOG = LoggerFactory.getLogger(DriftChecks.class);

    private final DeviceGateway gateway;
    private final Clock clock;
    private final Duration interval;
    private final Counter checks;
    /** When the desired paths of a device were last read back (or first found in sync). */
    private final Map<DeviceId, Instant> lastCheck = new ConcurrentHashMap<>();
    /** Devices whose read-back is queued or running: a device that stays away gets one, not one per interval. */
    private final Map<DeviceId, Boolean> inFlight = new ConcurrentHashMap<>();

    /** @param interval zero turns the read-backs off */
    DriftChecks(DeviceGateway gateway, Clock clock, Duration interval, MeterRegistry registry) {
        this.gateway = gateway;
        this.clock = clock;
        this.interval = interval;
        this.checks = Counter.builder("cpe.config.drift.checks")
                .description("Read-backs of a device's desired parameters, looking for drift").register(registry);
    }

    /** Reads the paths back if the last read is an interval old; returns when to look again (null: never). */
    Duration lookAgainAfter(DeviceId id, Collection<String> paths) {
        if (interval.isZero()) {
            return null;
        }
        Instant now = clock.instant();
        Instant last = lastCheck.putIfAbsent(id, now);
        if (last == null) {
            return interval; // just applied, or first seen in sync: the twin is fresh
        }
        Instant due = last.plus(interval);
        if (now.isBefore(due)) {
            return Duration.between(now, due);
        }
        lastCheck.put(id, now);
        if (inFlight.putIfAbsent(id, Boolean.TRUE) != null) {
            return interval; // the last read-back has not come back (a CWMP device that has not called in since)
        }
        checks.increment();
        try {
            gateway.refreshAtNextContact(id, List.copyOf(paths)).whenComplete((ignored, error) -> {
                inFlight.remove(id);
                if (error != null) {
                    LOG.debug("{}: reading back {} failed: {}", id, paths, error.toString());
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(id);
            LOG.debug("{}: reading back {} failed: {}", id, paths, e.toString());
        }
        return interval;
    }

    void forget(DeviceId id) {
        lastCheck.remove(id);
        inFlight.remove(id);
    }
}
