package io.cpeoperator.simulator.device;

import io.cpeoperator.simulator.clock.SimClock;

/**
 * What all devices of one simulator share: the clock and where the management systems are.
 *
 * @param connectionRequestBase e.g. {@code http://127.0.0.1:7548/cr/}; a device appends its own path
 */
public record DeviceEnvironment(SimClock clock, String connectionRequestBase, String brokerHost, int brokerPort) {
}
