package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.simulator.device.VirtualDevice;

/**
 * Parameter notification attributes (SetParameterAttributes). Stored as device configuration so they survive a
 * reboot like on a real CPE; only explicitly set attributes cost memory.
 */
final class CwmpNotifications {

    private CwmpNotifications() {
    }

    static void store(VirtualDevice device, String path, int notification) {
        device.configure("#notify:" + path, Integer.toString(notification));
    }
}
