package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.FirmwareSpec;

import java.util.List;

/** The firmware a device should run, and who says so. */
public sealed interface DesiredFirmware {

    /** Neither the device nor a fleet asks for a version. */
    record None() implements DesiredFirmware {
    }

    /** The device's own {@code spec.firmware}: it wins over any fleet. */
    record Own(FirmwareSpec spec) implements DesiredFirmware {
    }

    /**
     * A fleet's {@code spec.firmware}. Until the fleet's rollout admits the device it keeps its version.
     *
     * @param fleet    the fleet's name
     * @param admitted true once the fleet's rollout admitted the device to a wave of this version
     */
    record FromFleet(String fleet, FirmwareSpec spec, boolean admitted) implements DesiredFirmware {
    }

    /** Several fleets set different firmware for the device: none is installed until they agree. */
    record Conflict(List<String> fleets) implements DesiredFirmware {
    }
}
