package io.cpeoperator.operator.fleet;

import java.util.List;

/** Condition types of a CpeFleet. */
public final class FleetConditions {

    public static final String DEVICES_SELECTED = "DevicesSelected";
    public static final String CONFIG_APPLIED = "ConfigApplied";
    public static final String ROLLOUT_PROGRESSING = "RolloutProgressing";
    public static final String DEGRADED = "Degraded";

    public static final List<String> TYPES = List.of("Ready", DEVICES_SELECTED, CONFIG_APPLIED, ROLLOUT_PROGRESSING,
            DEGRADED);

    private FleetConditions() {
    }
}
