package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmissions;

import java.util.List;

/** Decides whose firmware a device follows: its own spec, one fleet's rollout, or none when fleets disagree. */
public final class FirmwareResolver {

    private final RolloutAdmissions admissions;

    public FirmwareResolver(RolloutAdmissions admissions) {
        this.admissions = admissions;
    }

    /** @param fleets the fleets selecting the device, by name */
    public DesiredFirmware resolve(CpeDevice device, List<CpeFleet> fleets) {
        if (device.getSpec() != null && device.getSpec().getFirmware() != null) {
            return new DesiredFirmware.Own(device.getSpec().getFirmware());
        }
        List<CpeFleet> withFirmware = withFirmware(fleets);
        if (withFirmware.isEmpty()) {
            return new DesiredFirmware.None();
        }
        FirmwareSpec first = withFirmware.get(0).getSpec().getFirmware();
        if (withFirmware.stream().anyMatch(fleet -> !first.equals(fleet.getSpec().getFirmware()))) {
            return new DesiredFirmware.Conflict(withFirmware.stream().map(f -> f.getMetadata().getName()).toList());
        }
        String fleet = withFirmware.get(0).getMetadata().getName();
        return new DesiredFirmware.FromFleet(fleet, first, admissions.isAdmitted(device, fleet, first.getVersion()));
    }

    /** The fleets that set firmware, by name. */
    public static List<CpeFleet> withFirmware(List<CpeFleet> fleets) {
        return fleets.stream().filter(f -> f.getSpec().getFirmware() != null).toList();
    }
}
