package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ActionsStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.TwinStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.conditions.ReadyCondition;
import io.cpeoperator.operator.device.config.ConfigOutcome;
import io.cpeoperator.operator.device.firmware.FirmwareOutcome;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeStatusMapper;

import java.util.ArrayList;
import java.util.List;

import static io.cpeoperator.operator.device.DeviceConditions.CONFIG_APPLIED;
import static io.cpeoperator.operator.device.DeviceConditions.CONNECTED;
import static io.cpeoperator.operator.device.DeviceConditions.FIRMWARE_CURRENT;
import static io.cpeoperator.operator.device.DeviceConditions.SYNCED;

/**
 * Computes a CpeDevice's status from its spec, what is observed of the device and what the configuration, firmware
 * and action steps concluded. It writes only what it knows: a condition that depends on the device stays Unknown
 * until the device has reported. Messages carry no fast-moving numbers, so a condition changes only when its meaning
 * does.
 */
public final class DeviceStatusAggregator {

    private final Conditions conditions;

    public DeviceStatusAggregator(Conditions conditions) {
        this.conditions = conditions;
    }

    /** The status for a spec that cannot be acted on, or before anything is known of the device. */
    public CpeDeviceStatus aggregate(CpeDevice device, List<String> specProblems) {
        return aggregate(device, specProblems, null, null, null, null, null);
    }

    /**
     * @param observation null when the spec names no device
     * @param config      null when the configuration step did not run (invalid spec, no parameters, suspended)
     * @param firmware    null when the firmware step did not run
     * @param actions     status.actions as the action step left it (null: keep the current)
     * @param qoe         the device's QoE assessment (null: none yet; status.qoe and QoEHealthy stay as they are)
     */
    public CpeDeviceStatus aggregate(CpeDevice device, List<String> specProblems, DeviceObservation observation,
                                     ConfigOutcome config, FirmwareOutcome firmware, ActionsStatus actions,
                                     QoeAssessment qoe) {
        CpeDeviceStatus current = device.getStatus() == null ? new CpeDeviceStatus() : device.getStatus();
        long generation = device.getMetadata().getGeneration() == null ? 0 : device.getMetadata().getGeneration();

        List<DesiredCondition> gating = new ArrayList<>();
        gating.add(connected(observation));
        gating.add(synced(observation));
        gating.add(config != null ? config.condition() : configApplied(device.getSpec(), specProblems));
        DesiredCondition firmwareCondition = firmware != null ? firmware.condition()
                : firmwareCurrent(device.getSpec(), specProblems);
        // a device waiting for its fleet's rollout wave is as specified for now
        boolean waitsForWave = FirmwareStep.REASON_ROLLOUT_PENDING.equals(firmwareCondition.reason());
        if (!waitsForWave) {
            gating.add(firmwareCondition);
        }

        List<DesiredCondition> desired = new ArrayList<>(gating);
        if (waitsForWave) {
            desired.add(firmwareCondition);
        }
        desired.add(ReadyCondition.summarise(gating, "The device is connected, synchronised and as specified."));
        if (qoe != null) {
            desired.add(QoeStatusMapper.condition(qoe));
        }

        CpeDeviceStatus next = new CpeDeviceStatus();
        next.setQoe(qoe != null ? QoeStatusMapper.status(qoe) : current.getQoe());
        next.setSummary(observation != null && observation.summary() != null ? observation.summary()
                : current.getSummary());
        // nothing desired any more (the last fleet let go of the device): no stale sources or counts
        boolean nothingDesired = observation != null && specProblems.isEmpty();
        next.setConfig(config != null ? config.status() : nothingDesired ? null : current.getConfig());
        next.setFirmware(firmware != null ? firmware.status() : current.getFirmware());
        next.setActions(actions != null ? actions : current.getActions());
        next.setTwin(observation != null && observation.facts() != null ? twinStatus(observation) : current.getTwin());
        next.setObservedGeneration(generation);
        next.setConditions(conditions.apply(current.getConditions(), generation, desired));
        return next;
    }

    private static DesiredCondition connected(DeviceObservation observation) {
        if (observation == null || (!observation.connected() && observation.lastContact() == null)) {
            return DesiredCondition.unknown(CONNECTED, DeviceConditions.REASON_NOT_SEEN,
                    "The device has not contacted the operator since the operator started.");
        }
        if (observation.connected()) {
            return DesiredCondition.isTrue(CONNECTED, "Reachable", observation.id().protocol()
                    == io.cpeoperator.bridge.device.Protocol.USP
                    ? "The USP agent's connection is up." : "The device keeps to its periodic CWMP sessions.");
        }
        String why = observation.disconnectReason() == null || observation.disconnectReason().isBlank() ? ""
                : " (" + observation.disconnectReason() + ")";
        return DesiredCondition.isFalse(CONNECTED, "Unreachable", "The device was last heard from at "
                + Conditions.format(observation.lastContact()) + " and is not connected now" + why + ".");
    }

    private static DesiredCondition synced(DeviceObservation observation) {
        if (observation == null || observation.facts() == null) {
            return DesiredCondition.unknown(SYNCED, Conditions.NOT_YET_REPORTED,
                    "The device's data model has not been synchronised since the operator started.");
        }
        if (observation.needsFullSync() || observation.facts().lastFullSync() == null) {
            return DesiredCondition.isFalse(SYNCED, "SyncPending", "Only part of the device's data model is known; "
                    + "it is synchronised in full on the device's next contact.");
        }
        return DesiredCondition.isTrue(SYNCED, "Synchronised", "The full data model was synchronised at "
                + Conditions.format(observation.facts().lastFullSync()) + " and is kept current.");
    }

    private static TwinStatus twinStatus(DeviceObservation observation) {
        TwinStatus twin = new TwinStatus();
        twin.setParameterCount(observation.facts().parameterCount());
        twin.setLastFullSync(observation.facts().lastFullSync() == null ? null
                : Conditions.format(observation.facts().lastFullSync()));
        return twin;
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
}
