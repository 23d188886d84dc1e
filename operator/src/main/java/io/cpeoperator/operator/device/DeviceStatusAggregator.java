package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.conditions.ReadyCondition;

import java.util.ArrayList;
import java.util.List;

import static io.cpeoperator.operator.device.DeviceConditions.CONFIG_APPLIED;
import static io.cpeoperator.operator.device.DeviceConditions.CONNECTED;
import static io.cpeoperator.operator.device.DeviceConditions.FIRMWARE_CURRENT;
import static io.cpeoperator.operator.device.DeviceConditions.SYNCED;

/**
 * Computes a CpeDevice's status from its spec and what is known of the device. It writes only what it knows: a
 * condition that depends on the device stays Unknown until the device has reported.
 */
public final class DeviceStatusAggregator {

    private final Conditions conditions;

    public DeviceStatusAggregator(Conditions conditions) {
        this.conditions = conditions;
    }

    /** The status the resource should have; equal to the current one when nothing changed. */
    public CpeDeviceStatus aggregate(CpeDevice device, List<String> specProblems) {
        CpeDeviceStatus current = device.getStatus() == null ? new CpeDeviceStatus() : device.getStatus();
        long generation = device.getMetadata().getGeneration() == null ? 0 : device.getMetadata().getGeneration();

        List<DesiredCondition> gating = new ArrayList<>();
        gating.add(DesiredCondition.unknown(CONNECTED, DeviceConditions.REASON_NOT_SEEN,
                "The device has not contacted the operator since the operator started."));
        gating.add(DesiredCondition.unknown(SYNCED, Conditions.NOT_YET_REPORTED,
                "The device's data model has not been synchronised yet."));
        gating.add(configApplied(device.getSpec(), specProblems));
        gating.add(firmwareCurrent(device.getSpec(), specProblems));

        List<DesiredCondition> desired = new ArrayList<>(gating);
        desired.add(ReadyCondition.summarise(gating, "The device is connected, synchronised and as specified."));

        CpeDeviceStatus next = copyOf(current);
        next.setObservedGeneration(generation);
        next.setConditions(conditions.apply(current.getConditions(), generation, desired));
        return next;
    }

    private static DesiredCondition configApplied(CpeDeviceSpec spec, List<String> specProblems) {
        if (!specProblems.isEmpty()) {
            return DesiredCondition.isFalse(CONFIG_APPLIED, DeviceConditions.REASON_INVALID_SPEC,
                    String.join("; ", specProblems));
        }
        if (spec.suspended()) {
            return DesiredCondition.isFalse(CONFIG_APPLIED, DeviceConditions.REASON_SUSPENDED,
                    "spec.suspend is true: no change is sent to the device; observation goes on.");
        }
        int desired = spec.getParameters().size();
        if (desired == 0) {
            return DesiredCondition.isTrue(CONFIG_APPLIED, DeviceConditions.REASON_NO_PARAMETERS,
                    "spec.parameters is empty: there is nothing to apply.");
        }
        return DesiredCondition.unknown(CONFIG_APPLIED, DeviceConditions.REASON_WAITING_FOR_DEVICE,
                desired + " desired parameter(s) wait for the device to connect.");
    }

    private static DesiredCondition firmwareCurrent(CpeDeviceSpec spec, List<String> specProblems) {
        if (spec == null || spec.getFirmware() == null) {
            return DesiredCondition.isTrue(FIRMWARE_CURRENT, DeviceConditions.REASON_NO_FIRMWARE,
                    "spec.firmware is not set: any version is accepted.");
        }
        if (!specProblems.isEmpty()) {
            return DesiredCondition.unknown(FIRMWARE_CURRENT, DeviceConditions.REASON_INVALID_SPEC,
                    "The spec is invalid; see ConfigApplied.");
        }
        return DesiredCondition.unknown(FIRMWARE_CURRENT, DeviceConditions.REASON_WAITING_FOR_DEVICE,
                "Version " + spec.getFirmware().getVersion() + " is requested; the device has not reported its version yet.");
    }

    private static CpeDeviceStatus copyOf(CpeDeviceStatus status) {
        CpeDeviceStatus copy = new CpeDeviceStatus();
        copy.setSummary(status.getSummary());
        copy.setQoe(status.getQoe());
        copy.setReport(status.getReport());
        copy.setConfig(status.getConfig());
        copy.setFirmware(status.getFirmware());
        copy.setActions(status.getActions());
        copy.setTwin(status.getTwin());
        return copy;
    }
}
