package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.ParameterConflict;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.device.config.ConfigApplier;
import io.cpeoperator.operator.fleet.FleetConflicts;
import io.cpeoperator.operator.kube.EventRecorder;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes Events for what changed between the stored status and the one being written: a reboot (the boot time
 * moved), a firmware change, the configuration applied or refused by the schema. Emitted only when the status is
 * written, so a coalesced (deferred) status never announces the same transition twice.
 */
public final class StatusTransitions {

    public static final String EVENT_REBOOTED = "Rebooted";
    public static final String EVENT_FIRMWARE_CHANGED = "FirmwareChanged";
    public static final String EVENT_QOE_DEGRADED = "QoEDegraded";
    public static final String EVENT_QOE_RECOVERED = "QoERecovered";
    public static final String EVENT_FLEET_CONFLICT = "FleetConflict";

    private final EventRecorder events;

    public StatusTransitions(EventRecorder events) {
        this.events = events;
    }

    public void announce(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next) {
        DeviceSummary before = stored == null ? null : stored.getSummary();
        DeviceSummary after = next.getSummary();
        if (before != null && after != null) {
            if (before.getBootTime() != null && after.getBootTime() != null
                    && !before.getBootTime().equals(after.getBootTime())) {
                events.normal(device, EVENT_REBOOTED, "The device booted at " + after.getBootTime()
                        + " (previous boot " + before.getBootTime() + ").");
            }
            if (before.getSoftwareVersion() != null && after.getSoftwareVersion() != null
                    && !before.getSoftwareVersion().equals(after.getSoftwareVersion())) {
                events.normal(device, EVENT_FIRMWARE_CHANGED, "Firmware changed from " + before.getSoftwareVersion()
                        + " to " + after.getSoftwareVersion() + ".");
            }
        }
        announceQoe(device, stored, next);
        announceConflicts(device, stored, next);
        Optional<Condition> was = stored == null ? Optional.empty()
                : Conditions.find(stored.getConditions(), DeviceConditions.CONFIG_APPLIED);
        Optional<Condition> now = Conditions.find(next.getConditions(), DeviceConditions.CONFIG_APPLIED);
        if (now.isEmpty() || was.map(c -> sameMeaning(c, now.get())).orElse(false)) {
            return;
        }
        Condition condition = now.get();
        if (ConfigApplier.REASON_APPLIED.equals(condition.getReason())) {
            events.normal(device, ConfigApplier.EVENT_APPLIED, condition.getMessage());
        } else if (ConfigApplier.REASON_INVALID_PARAMETERS.equals(condition.getReason())) {
            events.warning(device, ConfigApplier.EVENT_FAILED, condition.getMessage());
        }
    }

    /**
     * A Warning when QoEHealthy turns False (from True or Unknown), or its reason (the top finding) changes while it
     * stays False; a Normal one when it turns True again after being False. Not on every re-evaluation.
     */
    private void announceQoe(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next) {
        Optional<Condition> was = stored == null ? Optional.empty()
                : Conditions.find(stored.getConditions(), DeviceConditions.QOE_HEALTHY);
        Optional<Condition> now = Conditions.find(next.getConditions(), DeviceConditions.QOE_HEALTHY);
        if (now.isEmpty()) {
            return;
        }
        String before = was.map(Condition::getStatus).orElse("Unknown");
        String after = now.get().getStatus();
        String finding = next.getQoe() == null || next.getQoe().getFindings() == null
                || next.getQoe().getFindings().isEmpty() ? null : next.getQoe().getFindings().get(0).getMessage();
        if ("False".equals(after) && (!"False".equals(before)
                || !Objects.equals(was.get().getReason(), now.get().getReason()))) {
            events.warning(device, EVENT_QOE_DEGRADED, now.get().getReason() + ": "
                    + (finding != null ? finding : now.get().getMessage()));
        } else if ("True".equals(after) && "False".equals(before)) {
            events.normal(device, EVENT_QOE_RECOVERED, "QoE is healthy again (was " + was.get().getReason() + ").");
        }
    }

    /** A Warning when the device's fleets start to disagree on its parameters, or disagree on other paths. */
    private void announceConflicts(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next) {
        List<ParameterConflict> before = stored == null || stored.getConfig() == null
                || stored.getConfig().getConflicts() == null ? List.of() : stored.getConfig().getConflicts();
        List<ParameterConflict> after = next.getConfig() == null || next.getConfig().getConflicts() == null
                ? List.of() : next.getConfig().getConflicts();
        if (!after.isEmpty() && !after.equals(before)) {
            events.warning(device, EVENT_FLEET_CONFLICT, FleetConflicts.describe(after));
        }
    }

    private static boolean sameMeaning(Condition a, Condition b) {
        return Objects.equals(a.getStatus(), b.getStatus()) && Objects.equals(a.getReason(), b.getReason())
                && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration());
    }
}
