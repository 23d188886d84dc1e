package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unexpected reboots per device-day and median QoE by firmware version within each model. A version is named when,
 * against the other versions of its model pooled (each side with enough devices and device-days), its reboot rate is
 * {@code rebootRateRatio} times theirs and significantly so (conditional binomial test on the counts, each device
 * counted at most {@code rebootCapPerDeviceDay} per day), still so without its worst device, with at least
 * {@code minAffectedDevices} and {@code minAffectedShare} of its devices rebooting and a share of rebooting devices
 * significantly above the others' (two-proportion test); or its median QoE is {@code qoeDrop} points lower with
 * {@code worseShare} of its devices under the others' median. Either way a single device cannot make it.
 */
final class FirmwareStability {

    private static final class Version {
        final String model;
        final String version;
        int devices;
        double deviceDays;
        double reboots;
        int rebooting;
        /** The device with the most (capped) reboots: the rate must stand without it. */
        double worstReboots;
        double worstDeviceDays;
        final Histogram qoe = new Histogram(0, 0.5, 201);

        Version(String model, String version) {
            this.model = model;
            this.version = version;
        }
    }

    private final InsightSettings settings;
    private final Map<String, Map<String, Version>> byModel = new LinkedHashMap<>();

    FirmwareStability(InsightSettings settings) {
        this.settings = settings;
    }

    void add(DeviceFacts facts, double deviceDays, int reboots, double meanQoe) {
        if (deviceDays <= 0) {
            return;
        }
        Version v = byModel.computeIfAbsent(facts.model(), m -> new LinkedHashMap<>())
                .computeIfAbsent(facts.firmwareVersion(), fw -> new Version(facts.model(), fw));
        v.devices++;
        v.deviceDays += deviceDays;
        double capped = Math.min(reboots, Math.ceil(settings.rebootCapPerDeviceDay() * deviceDays));
        v.reboots += capped;
        if (capped > v.worstReboots) {
            v.worstReboots = capped;
            v.worstDeviceDays = deviceDays;
        }
        if (reboots > 0) {
            v.rebooting++;
        }
        v.qoe.add(meanQoe);
    }

    List<FleetInsight> insights() {
        List<FleetInsight> out = new ArrayList<>();
        for (Map<String, Version> versions : byModel.values()) {
            List<Version> judged = versions.values().stream()
                    .filter(v -> v.devices >= settings.minGroupDevices() && v.deviceDays >= settings.minGroupDeviceDays())
                    .toList();
            if (judged.size() < 2) {
                continue;
            }
            for (Version v : judged) {
                FleetInsight insight = judge(v, judged);
                if (insight != null) {
                    out.add(insight);
                }
            }
        }
        return out;
    }

    /** Models with at least two versions that have enough devices and device-days for a comparison. */
    int comparableModels() {
        int n = 0;
        for (Map<String, Version> versions : byModel.values()) {
            long judged = versions.values().stream()
                    .filter(v -> v.devices >= settings.minGroupDevices() && v.deviceDays >= settings.minGroupDeviceDays())
                    .count();
            n += judged >= 2 ? 1 : 0;
        }
        return n;
    }

    private FleetInsight judge(Version v, List<Version> judged) {
        int otherDevices = 0;
        double otherDays = 0;
        double otherReboots = 0;
        int otherRebooting = 0;
        Histogram otherQoe = new Histogram(0, 0.5, 201);
        List<String> otherNames = new ArrayList<>();
        for (Version o : judged) {
            if (o != v) {
                otherDevices += o.devices;
                otherDays += o.deviceDays;
                otherReboots += o.reboots;
                otherRebooting += o.rebooting;
                otherQoe.addAll(o.qoe);
                otherNames.add(o.version);
            }
        }
        double rate = v.reboots / v.deviceDays;
        double otherRate = otherReboots / otherDays;
        // without its worst device the version must still be worse, and on more of its devices than the others
        double restReboots = v.reboots - v.worstReboots;
        double restDays = v.deviceDays - v.worstDeviceDays;
        boolean rebootsWorse = v.rebooting >= Math.max(settings.minAffectedDevices(), settings.minAffectedShare() * v.devices)
                && rate >= settings.rebootRateRatio() * otherRate
                && restReboots / restDays >= settings.rebootRateRatio() * otherRate
                && conditionalZ(restReboots, restDays, otherReboots, otherDays) >= settings.zScore()
                && proportionZ(v.rebooting, v.devices, otherRebooting, otherDevices) >= settings.zScore();

        double median = v.qoe.median();
        double otherMedian = otherQoe.median();
        boolean qoeWorse = v.qoe.total() >= settings.minGroupDevices() && otherQoe.total() >= settings.minGroupDevices()
                && otherMedian - median >= settings.qoeDrop()
                && v.qoe.countBelow(otherMedian) >= settings.worseShare() * v.qoe.total();
        if (!rebootsWorse && !qoeWorse) {
            return null;
        }
        String others = names(otherNames);
        String subject = v.model + " " + v.version;
        String qoePart = Double.isNaN(median) || Double.isNaN(otherMedian) ? ""
                : Insights.format("; median QoE %.0f against %.0f", median, otherMedian);
        String message;
        if (rebootsWorse) {
            message = Insights.format("%s on %s: %.2f unexpected reboots per device-day over %,d devices (%,.0f device-days,"
                            + " %,d of them rebooting), against %.2f on %s (%,d devices)%s.", v.model, v.version, rate,
                    v.devices, v.deviceDays, v.rebooting, otherRate, others, otherDevices, qoePart);
            return Insights.of(Insights.FIRMWARE_STABILITY, Insights.WARNING, subject, message, v.devices, rate,
                    otherRate, "unexpected reboots per device-day");
        }
        message = Insights.format("%s on %s: median QoE %.0f over %,d devices, against %.0f on %s (%,d devices);"
                        + " %.2f unexpected reboots per device-day against %.2f.", v.model, v.version, median, v.devices,
                otherMedian, others, otherDevices, rate, otherRate);
        return Insights.of(Insights.FIRMWARE_STABILITY, Insights.WARNING, subject, message, v.devices, median,
                otherMedian, "QoE score");
    }

    /**
     * How far the first count lies above its share of the total if both groups had the same rate (counts given the
     * total are binomial with p = its share of the exposure), in standard deviations.
     */
    static double conditionalZ(double count, double exposure, double otherCount, double otherExposure) {
        double total = count + otherCount;
        double p = exposure / (exposure + otherExposure);
        if (total == 0 || p <= 0 || p >= 1) {
            return 0;
        }
        return (count - total * p) / Math.sqrt(total * p * (1 - p));
    }

    /** Two-proportion z statistic (pooled) of a share over another; 0 when undefined. */
    static double proportionZ(int hits, int n, int otherHits, int otherN) {
        double pooled = (double) (hits + otherHits) / (n + otherN);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n + 1.0 / otherN));
        return se == 0 ? 0 : ((double) hits / n - (double) otherHits / otherN) / se;
    }

    private static String names(List<String> versions) {
        if (versions.size() == 1) {
            return versions.get(0);
        }
        if (versions.size() <= 3) {
            return String.join(", ", versions.subList(0, versions.size() - 1)) + " and " + versions.get(versions.size() - 1);
        }
        return String.join(", ", versions.subList(0, 3)) + " and " + (versions.size() - 3) + " more";
    }
}
