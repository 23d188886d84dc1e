package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetStatus;
import io.cpeoperator.api.v1alpha1.QoeDistribution;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.operator.conditions.ConditionStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.conditions.ReadyCondition;
import io.cpeoperator.operator.fleet.aggregate.FleetAggregate;
import io.cpeoperator.operator.fleet.rollout.FleetRollout;
import io.cpeoperator.operator.fleet.rollout.RolloutPlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a CpeFleet's status from its aggregate (what its devices' own statuses report) and its rollout. Condition
 * messages carry no fast-moving counts unless the condition is about them, so a heartbeat does not rewrite them.
 */
public final class FleetStatusAggregator {

    public static final String REASON_INVALID_ROLLOUT = "InvalidRollout";

    private final Conditions conditions;

    public FleetStatusAggregator(Conditions conditions) {
        this.conditions = conditions;
    }

    public CpeFleetStatus aggregate(CpeFleet fleet, FleetAggregate aggregate, FleetRollout.Outcome rollout) {
        CpeFleetStatus current = fleet.getStatus() == null ? new CpeFleetStatus() : fleet.getStatus();
        long generation = fleet.getMetadata().getGeneration() == null ? 0 : fleet.getMetadata().getGeneration();
        String selectorProblem = LabelSelectors.problem(fleet.getSpec() == null ? null : fleet.getSpec().getSelector());
        int total = aggregate.total();

        DesiredCondition selected = devicesSelected(selectorProblem, total);
        DesiredCondition config = configApplied(aggregate, total);
        DesiredCondition progressing = rolloutProgressing(fleet, rollout);
        DesiredCondition degraded = degraded(aggregate, rollout);
        List<DesiredCondition> gating = new ArrayList<>(List.of(selected, config));
        if (degraded.status() == ConditionStatus.TRUE) {
            gating.add(DesiredCondition.isFalse(FleetConditions.DEGRADED, degraded.reason(), degraded.message()));
        }
        if (rollout.problem() != null) {
            gating.add(progressing);
        }
        List<DesiredCondition> desired = new ArrayList<>(List.of(selected, config, progressing, degraded));
        desired.add(ReadyCondition.summarise(gating, "The fleet's devices are selected, configured and not degraded."));

        CpeFleetStatus next = new CpeFleetStatus();
        next.setObservedGeneration(generation);
        next.setConditions(conditions.apply(current.getConditions(), generation, desired));
        next.setDevices(total);
        next.setConnected(aggregate.connected());
        next.setConfigApplied(aggregate.configApplied());
        next.setConflicts(aggregate.configConflicts());
        next.setFirmwareCurrent(aggregate.firmwareCurrent());
        next.setHealthy(aggregate.qoeHealthy());
        next.setFirmware(aggregate.firmware().isEmpty() ? null : aggregate.firmware());
        next.setModels(aggregate.models().isEmpty() ? null : aggregate.models());
        next.setQoe(total == 0 ? null : aggregate.qoe());
        next.setTopFindings(aggregate.topFindings().isEmpty() ? null : aggregate.topFindings());
        next.setRollout(rollout.status());
        next.setInsights(current.getInsights());
        next.setSummary(summary(aggregate, rollout.status()));
        return next;
    }

    private static DesiredCondition devicesSelected(String selectorProblem, int total) {
        if (selectorProblem != null) {
            return DesiredCondition.isFalse(FleetConditions.DEVICES_SELECTED, "InvalidSelector", selectorProblem);
        }
        if (total == 0) {
            return DesiredCondition.isFalse(FleetConditions.DEVICES_SELECTED, "NoDevicesMatch",
                    "No CpeDevice in this namespace matches spec.selector.");
        }
        return DesiredCondition.isTrue(FleetConditions.DEVICES_SELECTED, "DevicesMatch",
                "CpeDevices in this namespace match spec.selector; status.devices counts them.");
    }

    private static DesiredCondition configApplied(FleetAggregate aggregate, int total) {
        if (aggregate.configConflicts() > 0) {
            return DesiredCondition.isFalse(FleetConditions.CONFIG_APPLIED, "FleetConflict", aggregate.configConflicts()
                    + " device(s) are also selected by another fleet that sets different values for the same "
                    + "parameters; see their ConfigApplied condition and status.config.conflicts.");
        }
        if (total > 0 && aggregate.configApplied() == total) {
            return DesiredCondition.isTrue(FleetConditions.CONFIG_APPLIED, "AllDevicesApplied",
                    "Every selected device reports its configuration applied.");
        }
        if (total == 0) {
            return DesiredCondition.unknown(FleetConditions.CONFIG_APPLIED, "NoDevices", "The fleet selects no devices.");
        }
        return DesiredCondition.unknown(FleetConditions.CONFIG_APPLIED, "DevicesPending",
                "Some selected devices do not report their configuration applied yet; status.configApplied counts those "
                        + "that do.");
    }

    private static DesiredCondition rolloutProgressing(CpeFleet fleet, FleetRollout.Outcome rollout) {
        if (rollout.problem() != null) {
            return DesiredCondition.isFalse(FleetConditions.ROLLOUT_PROGRESSING, REASON_INVALID_ROLLOUT,
                    rollout.problem());
        }
        RolloutStatus status = rollout.status();
        if (status == null) {
            return DesiredCondition.isFalse(FleetConditions.ROLLOUT_PROGRESSING, "NoRollout",
                    "spec.firmware is not set: the fleet rolls out no firmware.");
        }
        String message = "Rollout of " + status.getTargetVersion() + ": " + status.getState() + " in wave "
                + status.getWave() + " of " + status.getWaves() + (status.getMessage() == null ? "."
                : ". " + stripCounts(status));
        return RolloutPlanner.PROGRESSING.equals(status.getState())
                ? DesiredCondition.isTrue(FleetConditions.ROLLOUT_PROGRESSING, status.getReason(), message)
                : DesiredCondition.isFalse(FleetConditions.ROLLOUT_PROGRESSING, status.getReason(), message);
    }

    /** While a wave progresses, its counts move with every device: the condition says where, status.rollout how far. */
    private static String stripCounts(RolloutStatus status) {
        return RolloutPlanner.REASON_WAVE_IN_PROGRESS.equals(status.getReason())
                ? "Devices are being upgraded; status.rollout counts them." : status.getMessage();
    }

    private static DesiredCondition degraded(FleetAggregate aggregate, FleetRollout.Outcome rollout) {
        RolloutStatus status = rollout.status();
        if (status != null && (RolloutPlanner.FAILED.equals(status.getState())
                || RolloutPlanner.REASON_FAILURE_BUDGET.equals(status.getReason())
                || RolloutPlanner.REASON_QOE_GUARD.equals(status.getReason()))) {
            return DesiredCondition.isTrue(FleetConditions.DEGRADED, status.getReason(), status.getMessage());
        }
        if (aggregate.configConflicts() > 0) {
            return DesiredCondition.isTrue(FleetConditions.DEGRADED, "FleetConflict", "Another fleet sets different "
                    + "values for devices of this fleet; the disputed parameters are applied to none of them.");
        }
        return DesiredCondition.isFalse(FleetConditions.DEGRADED, "AsExpected",
                "No rollout is held back by failures or QoE, and no fleet disputes this fleet's parameters.");
    }

    private static String summary(FleetAggregate aggregate, RolloutStatus rollout) {
        int total = aggregate.total();
        if (total == 0) {
            return "The fleet selects no devices yet.";
        }
        StringBuilder text = new StringBuilder(String.format("%d device(s): %d connected, %d with their configuration "
                + "applied, %d healthy", total, aggregate.connected(), aggregate.configApplied(), aggregate.qoeHealthy()));
        QoeDistribution qoe = aggregate.qoe();
        if (qoe != null && qoe.getMean() != null) {
            text.append(String.format(" (mean QoE %d, p10 %d)", qoe.getMean(), qoe.getP10()));
        }
        text.append('.');
        if (rollout != null) {
            text.append(String.format(" Firmware %s: %s, %d updated, %d upgrading, %d failed, %d waiting.",
                    rollout.getTargetVersion(), rollout.getState(), rollout.getUpdated(), rollout.getInProgress(),
                    rollout.getFailed(), rollout.getPending()));
        }
        return text.toString();
    }
}
