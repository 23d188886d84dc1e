package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.FindingCount;
import io.cpeoperator.api.v1alpha1.ModelCount;
import io.cpeoperator.api.v1alpha1.QoeDistribution;
import io.cpeoperator.api.v1alpha1.VersionCount;
import io.cpeoperator.operator.qoe.Grade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The running counts of one fleet, kept up to date device by device: each member's last contribution is remembered,
 * so a change subtracts the old one and adds the new one. {@link #put} and {@link #remove} cost O(1) (a few map
 * operations, one per finding code); {@link #snapshot} costs O(101 + k log k) for k distinct versions, models and
 * finding codes, whatever the number of devices.
 *
 * <p>Not thread-safe: the owner confines it to one thread or guards it ({@link FleetTallies} holds a lock per
 * namespace).
 */
public final class FleetTally {

    private static final int[] PERCENTILES = {10, 50, 90};

    private final Map<String, DeviceContribution> members = new HashMap<>();
    private final ScoreHistogram scores = new ScoreHistogram();
    private final int[] devicesPerGrade = new int[Grade.values().length];
    private final KeyCounts versions = new KeyCounts();
    private final KeyCounts models = new KeyCounts();
    private final KeyCounts findings = new KeyCounts();
    private int connected;
    private int configApplied;
    private int configConflicts;
    private int firmwareConditionTrue;
    private int qoeHealthy;
    private int qoeUnknown;

    /**
     * Counts the device with this contribution, in place of what it contributed before.
     *
     * @return true when the counts changed: the device is new to the fleet or contributes something different
     */
    public boolean put(String deviceKey, DeviceContribution contribution) {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(contribution, "contribution");
        DeviceContribution previous = members.put(deviceKey, contribution);
        if (contribution.equals(previous)) {
            return false;
        }
        if (previous != null) {
            subtract(previous);
        }
        add(contribution);
        return true;
    }

    /** @return true when the device was a member (and is no longer counted) */
    public boolean remove(String deviceKey) {
        DeviceContribution previous = members.remove(deviceKey);
        if (previous == null) {
            return false;
        }
        subtract(previous);
        return true;
    }

    public boolean contains(String deviceKey) {
        return members.containsKey(deviceKey);
    }

    /** Devices counted. */
    public int size() {
        return members.size();
    }

    /**
     * The fleet's aggregates now.
     *
     * @param targetVersion the firmware version the fleet should run, or null when it has none: devices then count
     *                      as firmware-current by their FirmwareCurrent condition
     * @param topN          how many versions, models and finding codes to list by name (at least 1); the versions
     *                      and models beyond are summed into one {@link FleetAggregate#OTHER} entry
     */
    public FleetAggregate snapshot(String targetVersion, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be at least 1, not " + topN);
        }
        int firmwareCurrent = targetVersion == null ? firmwareConditionTrue : versions.get(targetVersion);
        List<FindingCount> topFindings = new ArrayList<>();
        for (KeyCounts.Count count : findings.largestFirst()) {
            if (topFindings.size() == topN) {
                break;
            }
            topFindings.add(findingCount(count.key(), count.devices()));
        }
        return new FleetAggregate(members.size(), connected, configApplied, configConflicts, firmwareCurrent, qoeHealthy, qoeUnknown,
                bounded(versions, topN, FleetTally::versionCount), bounded(models, topN, FleetTally::modelCount),
                qoeDistribution(), topFindings);
    }

    private QoeDistribution qoeDistribution() {
        Integer[] percentiles = scores.percentiles(PERCENTILES);
        QoeDistribution qoe = new QoeDistribution();
        qoe.setEvaluated(scores.evaluated());
        qoe.setMean(scores.mean());
        qoe.setP10(percentiles[0]);
        qoe.setP50(percentiles[1]);
        qoe.setP90(percentiles[2]);
        qoe.setExcellent(devicesPerGrade[Grade.EXCELLENT.ordinal()]);
        qoe.setGood(devicesPerGrade[Grade.GOOD.ordinal()]);
        qoe.setFair(devicesPerGrade[Grade.FAIR.ordinal()]);
        qoe.setPoor(devicesPerGrade[Grade.POOR.ordinal()]);
        int graded = 0;
        for (int devices : devicesPerGrade) {
            graded += devices;
        }
        qoe.setUnknown(members.size() - graded);
        return qoe;
    }

    private void add(DeviceContribution c) {
        connected += c.connected() ? 1 : 0;
        configApplied += c.configApplied() ? 1 : 0;
        configConflicts += c.configConflict() ? 1 : 0;
        firmwareConditionTrue += c.firmwareConditionTrue() ? 1 : 0;
        qoeHealthy += c.qoeHealthy() ? 1 : 0;
        qoeUnknown += c.qoeUnknown() ? 1 : 0;
        if (c.grade() != null) {
            devicesPerGrade[c.grade().ordinal()]++;
        }
        if (c.score() != null) {
            scores.add(c.score());
        }
        versions.add(c.softwareVersion());
        models.add(c.model());
        c.findings().forEach(findings::add);
    }

    private void subtract(DeviceContribution c) {
        connected = decrement(connected, c.connected(), "connected");
        configApplied = decrement(configApplied, c.configApplied(), "configApplied");
        configConflicts = decrement(configConflicts, c.configConflict(), "configConflicts");
        firmwareConditionTrue = decrement(firmwareConditionTrue, c.firmwareConditionTrue(), "firmwareCurrent");
        qoeHealthy = decrement(qoeHealthy, c.qoeHealthy(), "qoeHealthy");
        qoeUnknown = decrement(qoeUnknown, c.qoeUnknown(), "qoeUnknown");
        if (c.grade() != null) {
            int ordinal = c.grade().ordinal();
            devicesPerGrade[ordinal] = decrement(devicesPerGrade[ordinal], true, c.grade().label());
        }
        if (c.score() != null) {
            scores.remove(c.score());
        }
        versions.remove(c.softwareVersion());
        models.remove(c.model());
        c.findings().forEach(findings::remove);
    }

    /** Only what was added is ever subtracted, so a count below zero is a bug in this class: fail loudly. */
    private static int decrement(int count, boolean counted, String what) {
        if (!counted) {
            return count;
        }
        if (count == 0) {
            throw new IllegalStateException("the " + what + " count would go below zero");
        }
        return count - 1;
    }

    /** The topN largest entries by name, then one {@link FleetAggregate#OTHER} entry for all the rest, if any. */
    private static <T> List<T> bounded(KeyCounts counts, int topN, BiFunction<String, Integer, T> entry) {
        List<KeyCounts.Count> all = counts.largestFirst();
        List<T> result = new ArrayList<>(Math.min(all.size(), topN + 1));
        int rest = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i < topN) {
                result.add(entry.apply(all.get(i).key(), all.get(i).devices()));
            } else {
                rest += all.get(i).devices();
            }
        }
        if (all.size() > topN) {
            result.add(entry.apply(FleetAggregate.OTHER, rest));
        }
        return result;
    }

    private static VersionCount versionCount(String version, int devices) {
        VersionCount count = new VersionCount();
        count.setVersion(version);
        count.setDevices(devices);
        return count;
    }

    private static ModelCount modelCount(String model, int devices) {
        ModelCount count = new ModelCount();
        count.setModel(model);
        count.setDevices(devices);
        return count;
    }

    private static FindingCount findingCount(String code, int devices) {
        FindingCount count = new FindingCount();
        count.setCode(code);
        count.setDevices(devices);
        return count;
    }
}
