package io.cpeoperator.simulator.engine;

import io.cpeoperator.bridge.device.DeviceId;

/**
 * The protocol side of one simulated device (a CWMP CPE or a USP agent). Implementations never block the caller:
 * connecting, sessions and retries run on the shared scheduler and I/O threads.
 */
public interface ManagementAgent {

    DeviceId id();

    /** The device is up: connect / start periodic sessions, and report the pending boot. */
    void goOnline();

    /** The device goes down (reboot, power off): drop connections and sessions, stop timers. */
    void goOffline();

    /** A firmware transfer finished while the device stays up (a failed download): report it now. */
    void transferCompleted();

    /** True while the agent is connected (USP) or has a session or timer running (CWMP). */
    boolean isOnline();
}
