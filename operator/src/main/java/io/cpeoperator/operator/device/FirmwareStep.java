package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.FirmwareStatus;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.device.firmware.FirmwareOutcome;
import io.cpeoperator.operator.device.firmware.FirmwareUpgrader;
import io.cpeoperator.operator.device.firmware.RunningFirmware;
import io.cpeoperator.operator.fleet.DesiredFirmware;
import io.cpeoperator.operator.fleet.DesiredParameters;
import io.cpeoperator.operator.fleet.FleetConflicts;

import static io.cpeoperator.operator.device.DeviceConditions.FIRMWARE_CURRENT;

/**
 * The firmware step: the device's own spec.firmware, or its fleet's once the fleet's rollout admitted it. A device
 * still waiting for its wave reports {@value #REASON_ROLLOUT_PENDING}, which does not make it un-Ready: it is as
 * specified for now.
 */
final class FirmwareStep {

    static final String REASON_ROLLOUT_PENDING = "RolloutPending";
    static final String REASON_FLEET_CONFLICT = "FleetConflict";

    private FirmwareStep() {
    }

    /** @return null when nobody asks for a version */
    static FirmwareOutcome run(FirmwareUpgrader upgrader, CpeDevice device, DeviceId id, DesiredFirmware wanted,
                               RunningFirmware firmware, boolean suspended, ReconcileTrigger lookAgain) {
        String running = firmware.version();
        FirmwareStatus current = device.getStatus() == null ? null : device.getStatus().getFirmware();
        if (wanted instanceof DesiredFirmware.Own own) {
            return upgrader.reconcile(device, id, own.spec(), "spec.firmware", firmware, suspended, lookAgain);
        }
        if (wanted instanceof DesiredFirmware.FromFleet fleet) {
            String version = fleet.spec().getVersion();
            if (fleet.admitted()) {
                return upgrader.reconcile(device, id, fleet.spec(), DesiredParameters.fleetSource(fleet.fleet()),
                        firmware, suspended, lookAgain);
            }
            if (version.equals(running)) {
                return new FirmwareOutcome(DesiredCondition.isTrue(FIRMWARE_CURRENT, "UpToDate", "The device runs "
                        + version + ", the version CpeFleet " + fleet.fleet() + " rolls out."), current, null);
            }
            return new FirmwareOutcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, REASON_ROLLOUT_PENDING,
                    "CpeFleet " + fleet.fleet() + " rolls out " + version + " in waves; the device"
                            + (running == null ? "" : " runs " + running + " and") + " waits for its wave."),
                    current, null);
        }
        if (wanted instanceof DesiredFirmware.Conflict conflict) {
            return new FirmwareOutcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, REASON_FLEET_CONFLICT,
                    "CpeFleets " + FleetConflicts.names(conflict.fleets()) + " set different spec.firmware for this "
                            + "device; none is installed until they agree or the device sets its own spec.firmware."),
                    current, null);
        }
        return null;
    }
}
