package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.FindingCount;
import io.cpeoperator.api.v1alpha1.ModelCount;
import io.cpeoperator.api.v1alpha1.QoeDistribution;
import io.cpeoperator.api.v1alpha1.VersionCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The aggregates of one fleet at one moment, in the API's own types so the reconciler can put them into the fleet's
 * status as they are. Immutable: the constructor and every accessor copy the (mutable) API objects, so what a
 * caller does with the lists it gets changes neither the aggregate nor any other caller's copy. Equality is by
 * value (the API's {@code VersionCount} has none of its own), so an aggregate equal to the previous one means the
 * fleet's status figures need no update.
 *
 * @param total           devices the fleet selects
 * @param connected       of those, Connected
 * @param configApplied   of those, ConfigApplied
 * @param configConflicts of those, with parameters fleets disagree on (ConfigApplied False, reason FleetConflict)
 * @param firmwareCurrent of those, running the target version; without a target, those whose FirmwareCurrent
 *                        condition is True or absent
 * @param qoeHealthy      of those, QoEHealthy
 * @param qoeUnknown      of those, without a QoE verdict (QoEHealthy absent or Unknown)
 * @param firmware        devices per software version, largest first, at most topN versions plus {@link #OTHER};
 *                        devices that report no version are in none
 * @param models          devices per model, with the same rules
 * @param qoe             score statistics and devices per grade
 * @param topFindings     the topN most frequent finding codes, largest first (no {@link #OTHER}: a device may have
 *                        several findings, so a sum of the rest would not count devices)
 */
public record FleetAggregate(int total, int connected, int configApplied, int configConflicts, int firmwareCurrent,
                             int qoeHealthy, int qoeUnknown, List<VersionCount> firmware, List<ModelCount> models,
                             QoeDistribution qoe, List<FindingCount> topFindings) {

    /**
     * The entry that sums the versions or models beyond the topN largest. Parenthesised so it cannot be mistaken
     * for (or collide with) a real version or model name.
     */
    public static final String OTHER = "(other)";

    public FleetAggregate {
        firmware = List.copyOf(copyVersions(firmware));
        models = List.copyOf(copyModels(models));
        qoe = copy(Objects.requireNonNull(qoe, "qoe"));
        topFindings = List.copyOf(copyFindings(topFindings));
    }

    /** The aggregate of a fleet that selects no device. */
    public static FleetAggregate empty() {
        return new FleetTally().snapshot(null, 1);
    }

    /** A new list of new objects, the caller's to keep or change. */
    @Override
    public List<VersionCount> firmware() {
        return copyVersions(firmware);
    }

    /** A new list of new objects, the caller's to keep or change. */
    @Override
    public List<ModelCount> models() {
        return copyModels(models);
    }

    /** A new object, the caller's to keep or change. */
    @Override
    public QoeDistribution qoe() {
        return copy(qoe);
    }

    /** A new list of new objects, the caller's to keep or change. */
    @Override
    public List<FindingCount> topFindings() {
        return copyFindings(topFindings);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FleetAggregate that && total == that.total && connected == that.connected
                && configApplied == that.configApplied && configConflicts == that.configConflicts
                && firmwareCurrent == that.firmwareCurrent
                && qoeHealthy == that.qoeHealthy && qoeUnknown == that.qoeUnknown
                && versionKeys(firmware).equals(versionKeys(that.firmware)) && models.equals(that.models)
                && qoe.equals(that.qoe) && topFindings.equals(that.topFindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, connected, configApplied, configConflicts, firmwareCurrent, qoeHealthy, qoeUnknown,
                versionKeys(firmware), models, qoe, topFindings);
    }

    @Override
    public String toString() {
        return "FleetAggregate{total=" + total + ", connected=" + connected + ", configApplied=" + configApplied
                + ", configConflicts=" + configConflicts + ", firmwareCurrent=" + firmwareCurrent + ", qoeHealthy="
                + qoeHealthy + ", qoeUnknown=" + qoeUnknown + ", firmware=" + versionKeys(firmware) + ", models=" + models + ", qoe=" + qoe
                + ", topFindings=" + topFindings + "}";
    }

    private static List<VersionKey> versionKeys(List<VersionCount> versions) {
        return versions.stream()
                .map(v -> new VersionKey(v.getVersion(), v.getDevices(), v.getRebootsPerDeviceDay()))
                .toList();
    }

    /** A {@link VersionCount} as a value. */
    private record VersionKey(String version, Integer devices, Integer rebootsPerDeviceDay) {
    }

    private static List<VersionCount> copyVersions(List<VersionCount> versions) {
        List<VersionCount> copies = new ArrayList<>(versions.size());
        for (VersionCount version : versions) {
            VersionCount copy = new VersionCount();
            copy.setVersion(version.getVersion());
            copy.setDevices(version.getDevices());
            copy.setRebootsPerDeviceDay(version.getRebootsPerDeviceDay());
            copies.add(copy);
        }
        return copies;
    }

    private static List<ModelCount> copyModels(List<ModelCount> models) {
        List<ModelCount> copies = new ArrayList<>(models.size());
        for (ModelCount model : models) {
            ModelCount copy = new ModelCount();
            copy.setModel(model.getModel());
            copy.setDevices(model.getDevices());
            copies.add(copy);
        }
        return copies;
    }

    private static List<FindingCount> copyFindings(List<FindingCount> findings) {
        List<FindingCount> copies = new ArrayList<>(findings.size());
        for (FindingCount finding : findings) {
            FindingCount copy = new FindingCount();
            copy.setCode(finding.getCode());
            copy.setDevices(finding.getDevices());
            copies.add(copy);
        }
        return copies;
    }

    private static QoeDistribution copy(QoeDistribution qoe) {
        QoeDistribution copy = new QoeDistribution();
        copy.setEvaluated(qoe.getEvaluated());
        copy.setMean(qoe.getMean());
        copy.setP10(qoe.getP10());
        copy.setP50(qoe.getP50());
        copy.setP90(qoe.getP90());
        copy.setExcellent(qoe.getExcellent());
        copy.setGood(qoe.getGood());
        copy.setFair(qoe.getFair());
        copy.setPoor(qoe.getPoor());
        copy.setUnknown(qoe.getUnknown());
        return copy;
    }
}
