package io.cpeoperator.operator.device;

import java.util.List;

/** Condition types and reasons of a CpeDevice. Types are adjectives, reasons CamelCase. */
public final class DeviceConditions {

    public static final String CONNECTED = "Connected";
    public static final String SYNCED = "Synced";
    public static final String CONFIG_APPLIED = "ConfigApplied";
    public static final String FIRMWARE_CURRENT = "FirmwareCurrent";
    public static final String QOE_HEALTHY = "QoEHealthy";

    /** Every type, Ready first. */
    public static final List<String> TYPES =
            List.of("Ready", CONNECTED, SYNCED, CONFIG_APPLIED, FIRMWARE_CURRENT, QOE_HEALTHY);

    public static final String REASON_INVALID_SPEC = "InvalidSpec";
    public static final String REASON_SUSPENDED = "Suspended";
    public static final String REASON_NO_PARAMETERS = "NoParametersDesired";
    public static final String REASON_NO_FIRMWARE = "NoFirmwareRequested";
    public static final String REASON_WAITING_FOR_DEVICE = "WaitingForDevice";
    public static final String REASON_NOT_SEEN = "NotSeenSinceStart";

    private DeviceConditions() {
    }
}
