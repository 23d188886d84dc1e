package io.cpeoperator.operator.device.status;

import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.device.DeviceConditions;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises a status change that answers something the user asked for in {@code spec}: observedGeneration moving
 * (the spec change was seen), a new status or reason of ConfigApplied or FirmwareCurrent (applying, applied,
 * refused, ...), or a new one-shot action outcome. Telemetry, radio figures and last contact never qualify, so under
 * steady telemetry nothing here fires.
 */
final class OperatorTransitions {

    private static final List<String> OPERATOR_CONDITIONS =
            List.of(DeviceConditions.CONFIG_APPLIED, DeviceConditions.FIRMWARE_CURRENT);

    private OperatorTransitions() {
    }

    static boolean reported(CpeDeviceStatus stored, CpeDeviceStatus computed) {
        if (computed == null) {
            return false;
        }
        if (stored == null) {
            return true;
        }
        if (!Objects.equals(stored.getObservedGeneration(), computed.getObservedGeneration())) {
            return true;
        }
        for (String type : OPERATOR_CONDITIONS) {
            if (!sameOutcome(Conditions.find(stored.getConditions(), type),
                    Conditions.find(computed.getConditions(), type))) {
                return true;
            }
        }
        return !Objects.equals(MaterialStatus.full(stored).get("actions"), MaterialStatus.full(computed).get("actions"));
    }

    /**
     * A firmware download was started (a new command key): written at once, whatever the rate window says, so that an
     * operator restart finds it in status and does not ask the device to download the image again.
     */
    static boolean startsDownload(CpeDeviceStatus stored, CpeDeviceStatus computed) {
        String before = stored == null || stored.getFirmware() == null ? null : stored.getFirmware().getCommandKey();
        String after = computed == null || computed.getFirmware() == null ? null : computed.getFirmware().getCommandKey();
        return after != null && !after.equals(before);
    }

    private static boolean sameOutcome(Optional<Condition> a, Optional<Condition> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty();
        }
        return Objects.equals(a.get().getStatus(), b.get().getStatus())
                && Objects.equals(a.get().getReason(), b.get().getReason())
                && Objects.equals(a.get().getObservedGeneration(), b.get().getObservedGeneration());
    }
}
