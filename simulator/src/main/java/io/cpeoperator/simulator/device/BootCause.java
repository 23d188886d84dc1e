package io.cpeoperator.simulator.device;

/**
 * Why a device booted, as each protocol reports it: CWMP Inform event codes, USP Boot! {@code Cause}.
 */
public enum BootCause {
    /** First power-on out of the box. */
    FACTORY_FRESH("0 BOOTSTRAP", "LocalFactoryReset"),
    /** Power cycle by the subscriber (also what a crash/watchdog looks like). */
    LOCAL_REBOOT("1 BOOT", "LocalReboot"),
    /** Reboot RPC / Device.Reboot(). */
    REMOTE_REBOOT("1 BOOT", "RemoteReboot"),
    /** FactoryReset RPC / Device.FactoryReset(). */
    REMOTE_FACTORY_RESET("0 BOOTSTRAP", "RemoteFactoryReset"),
    /** Reboot into a newly downloaded firmware. */
    FIRMWARE_UPGRADE("1 BOOT", "RemoteReboot");

    private final String cwmpEvent;
    private final String uspCause;

    BootCause(String cwmpEvent, String uspCause) {
        this.cwmpEvent = cwmpEvent;
        this.uspCause = uspCause;
    }

    public String cwmpEvent() {
        return cwmpEvent;
    }

    public String uspCause() {
        return uspCause;
    }
}
