package io.cpeoperator.simulator.engine;

import java.time.Duration;

/**
 * Real-time durations of device behaviour.
 *
 * @param rebootDowntime    how long a rebooting device is unreachable
 * @param downloadDelay     from an accepted Download to the installed (or failed) image
 * @param rebootLoopPeriod  simulated uptime after which a device in the reboot-loop scenario crashes
 * @param startupSpread     devices come online spread over this window, like a fleet after a power cut
 */
public record Timing(Duration rebootDowntime, Duration downloadDelay, Duration rebootLoopPeriod, Duration startupSpread) {

    public static Timing defaults() {
        return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(8), Duration.ofSeconds(2));
    }
}
