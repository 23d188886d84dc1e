package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetStatus;
import io.cpeoperator.api.v1alpha1.VersionCount;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.conditions.ReadyCondition;
import io.cpeoperator.operator.device.DeviceConditions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes a CpeFleet's status from the devices its selector matches, as their own statuses report them. */
public final class FleetStatusAggregator {

    private final Conditions conditions;

    public FleetStatusAggregator(Conditions conditions) {
        this.conditions = conditions;
    }

    public CpeFleetStatus aggregate(CpeFleet fleet, List<CpeDevice> selected) {
        CpeFleetStatus current = fleet.getStatus() == null ? new CpeFleetStatus() : fleet.getStatus();
        long generation = fleet.getMetadata().getGeneration() == null ? 0 : fleet.getMetadata().getGeneration();
        String selectorProblem = LabelSelectors.problem(fleet.getSpec() == null ? null : fleet.getSpec().getSelector());

        int total = selected.size();
        int connected = count(selected, DeviceConditions.CONNECTED);
        int configApplied = count(selected, DeviceConditions.CONFIG_APPLIED);
        int healthy = count(selected, DeviceConditions.QOE_HEALTHY);

        List<DesiredCondition> gating = new ArrayList<>();
        if (selectorProblem != null) {
            gating.add(DesiredCondition.isFalse(FleetConditions.DEVICES_SELECTED, "InvalidSelector", selectorProblem));
        } else if (total == 0) {
            gating.add(DesiredCondition.isFalse(FleetConditions.DEVICES_SELECTED, "NoDevicesMatch",
                    "No CpeDevice in this namespace matches spec.selector."));
        } else {
            gating.add(DesiredCondition.isTrue(FleetConditions.DEVICES_SELECTED, "DevicesMatch",
                    total + " device(s) match spec.selector."));
        }
        if (total > 0 && configApplied == total) {
            gating.add(DesiredCondition.isTrue(FleetConditions.CONFIG_APPLIED, "AllDevicesApplied",
                    "Every selected device reports its configuration applied."));
        } else if (total > 0) {
            gating.add(DesiredCondition.unknown(FleetConditions.CONFIG_APPLIED, "DevicesPending",
                    (total - configApplied) + " of " + total + " device(s) do not report their configuration applied yet."));
        }
        List<DesiredCondition> desired = new ArrayList<>(gating);
        desired.add(ReadyCondition.summarise(gating, "All selected devices are as specified."));

        CpeFleetStatus next = new CpeFleetStatus();
        next.setObservedGeneration(generation);
        next.setConditions(conditions.apply(current.getConditions(), generation, desired));
        next.setDevices(total);
        next.setConnected(connected);
        next.setConfigApplied(configApplied);
        next.setHealthy(healthy);
        next.setFirmware(firmwareDistribution(selected));
        next.setQoe(current.getQoe());
        next.setTopFindings(current.getTopFindings());
        next.setRollout(current.getRollout());
        next.setInsights(current.getInsights());
        next.setSummary(summary(total, connected, configApplied));
        return next;
    }

    private static int count(List<CpeDevice> devices, String conditionType) {
        return (int) devices.stream()
                .filter(d -> d.getStatus() != null && Conditions.isTrue(d.getStatus().getConditions(), conditionType))
                .count();
    }

    private static List<VersionCount> firmwareDistribution(List<CpeDevice> devices) {
        Map<String, Integer> byVersion = new TreeMap<>();
        for (CpeDevice device : devices) {
            if (device.getStatus() != null && device.getStatus().getSummary() != null
                    && device.getStatus().getSummary().getSoftwareVersion() != null) {
                byVersion.merge(device.getStatus().getSummary().getSoftwareVersion(), 1, Integer::sum);
            }
        }
        List<VersionCount> result = new ArrayList<>();
        byVersion.forEach((version, count) -> {
            VersionCount entry = new VersionCount();
            entry.setVersion(version);
            entry.setDevices(count);
            result.add(entry);
        });
        result.sort(Comparator.comparing(VersionCount::getDevices).reversed().thenComparing(VersionCount::getVersion));
        return result;
    }

    private static String summary(int total, int connected, int configApplied) {
        if (total == 0) {
            return "The fleet selects no devices yet.";
        }
        return String.format("%d device(s): %d connected, %d with their configuration applied.", total, connected,
                configApplied);
    }
}
