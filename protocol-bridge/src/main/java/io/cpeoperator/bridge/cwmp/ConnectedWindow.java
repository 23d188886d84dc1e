package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a CWMP device may stay silent and still count as connected. A CWMP device is only heard from when it opens
 * a session, so silence means something only against the device's own periodic Inform interval: a device informing
 * every 24 hours is not gone after 15 minutes. The window is 2.5 of the device's intervals (two missed Informs and
 * some slack), read from its twin ({@code ManagementServer.PeriodicInformInterval} while
 * {@code PeriodicInformEnable} is not false), and never shorter than the configured minimum, which also applies while
 * the interval is unknown (before the first full sync) or periodic Informs are off.
 *
 * <p>The interval is read from the twin when it is needed, not cached: a new interval the operator writes takes
 * effect at once. The twin is only consulted for a device silent longer than the minimum, so the periodic sweep over
 * a fleet that informs often costs one comparison per device.
 */
final class ConnectedWindow {

    /** Silence allowed, in periodic Inform intervals. */
    private static final double MISSED_INFORMS = 2.5;
    /** A device reporting a longer interval (up to 136 years fit in its unsignedInt) is taken to inform weekly. */
    private static final long MAX_INTERVAL_SECONDS = Duration.ofDays(7).toSeconds();

    private final TwinStore twins;
    private final Duration minimum;

    ConnectedWindow(TwinStore twins, Duration minimum) {
        this.twins = twins;
        this.minimum = minimum;
    }

    /** True when the device's last Inform is recent enough for its own Inform schedule. */
    boolean isConnected(CwmpDevice device, Instant now) {
        return device.lastInform().map(last -> !last.isBefore(silentSince(device, now))).orElse(false);
    }

    /**
     * The instant before which a last Inform means the device is gone: {@code now} minus the device's window (only
     * looked up when the device has been silent longer than the minimum).
     */
    Instant silentSince(CwmpDevice device, Instant now) {
        Instant byMinimum = now.minus(minimum);
        Optional<Instant> last = device.lastInform();
        if (last.isEmpty() || !last.get().isBefore(byMinimum)) {
            return byMinimum;
        }
        return now.minus(of(device));
    }

    /** The silence allowed for this device. */
    Duration of(CwmpDevice device) {
        return periodicInformInterval(device).flatMap(this::windowFor).orElse(minimum);
    }

    /** Why a device counts as gone, for the Disconnected event. */
    String reason(CwmpDevice device) {
        Optional<Duration> interval = periodicInformInterval(device);
        Optional<Duration> window = interval.flatMap(this::windowFor);
        return window.isPresent()
                ? "no Inform for more than " + readable(window.get()) + " (" + MISSED_INFORMS
                        + " times its periodic Inform interval of " + readable(interval.get()) + ")"
                : "no Inform for more than " + readable(minimum);
    }

    /** 2.5 intervals, when that is longer than the minimum. */
    private Optional<Duration> windowFor(Duration interval) {
        Duration window = Duration.ofMillis((long) (interval.toMillis() * MISSED_INFORMS));
        return window.compareTo(minimum) > 0 ? Optional.of(window) : Optional.empty();
    }

    /** "2 h 30 min", "90 s": for a condition message an SRE reads, not ISO 8601. */
    static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }

    private Optional<Duration> periodicInformInterval(CwmpDevice device) {
        Optional<String> root = device.identity().map(DeviceIdentity::dataModelRoot).filter(r -> !r.isEmpty());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        String managementServer = root.get() + "ManagementServer.";
        boolean disabled = twins.get(device.id(), managementServer + "PeriodicInformEnable")
                .map(TwinParameter::value).map(v -> v.equals("false") || v.equals("0")).orElse(false);
        if (disabled) {
            return Optional.empty();
        }
        return twins.get(device.id(), managementServer + "PeriodicInformInterval").map(TwinParameter::value)
                .flatMap(ConnectedWindow::seconds)
                .map(seconds -> Duration.ofSeconds(Math.min(seconds, MAX_INTERVAL_SECONDS)));
    }

    private static Optional<Long> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds > 0 ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // a device's garbage is no interval
        }
    }
}
