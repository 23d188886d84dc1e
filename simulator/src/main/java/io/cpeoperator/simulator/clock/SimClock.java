package io.cpeoperator.simulator.clock;

/**
 * The simulated world's time. Telemetry, uptime and scenarios follow it; protocol timing (inform intervals, reboot
 * downtime, download delays) stays in real time so that the load on the ACS is what the configuration says.
 */
public interface SimClock {

    /** Simulated epoch milliseconds. */
    long millis();

    /** Simulated milliseconds per real millisecond (1 = real time, 288 = a day in 5 minutes). */
    double compression();
}
