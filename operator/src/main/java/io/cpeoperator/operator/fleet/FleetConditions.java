package io.cpeoperator.operator.fleet;

import java.util.List;

/** Condition types and reasons of a CpeFleet. */
public final class FleetConditions {

    public static final String DEVICES_SELECTED = "DevicesSelected";
    public static final String CONFIG_APPLIED = "ConfigApplied";
    public static final String FIRMWARE_CURRENT = "FirmwareCurrent";
    public static final String QOE_HEALTHY = "QoEHealthy";

    public static final List<String> TYPES = List.of("Ready", DEVICES_SELECTED, CONFIG_APPLIED, FIRMWARE_CURRENT, QOE_HEALTHY);

    private FleetConditions() {
    }
}
