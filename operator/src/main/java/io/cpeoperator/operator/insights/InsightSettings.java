package io.cpeoperator.operator.insights;

import java.time.ZoneOffset;

/**
 * The thresholds of {@link FleetInsights}. A group (a firmware version of a model, a model, a hardware version, an
 * access node) is judged only with enough devices and device-days on both sides of the comparison, and only a
 * difference borne out by most of the group's devices is named, so one outlier device cannot make a trend.
 *
 * @param utcOffset                  where "hour of day" is counted (the fleet's local time, fixed offset)
 * @param minFleetDevices            devices with a day of hourly data before anything is said
 * @param minGroupDevices            devices on each side of a firmware or hardware comparison
 * @param minGroupDeviceDays         device-days on each side of a firmware comparison
 * @param rebootCapPerDeviceDay      unexpected reboots counted per device-day at most (a boot loop counts as this)
 * @param rebootRateRatio            how many times the other versions' reboot rate a version must reach
 * @param minAffectedShare           share of a version's devices that must have rebooted unexpectedly
 * @param minAffectedDevices         and at least this many devices
 * @param zScore                     significance of the reboot-rate difference (conditional binomial test)
 * @param qoeDrop                    points of median QoE a firmware version or model must lose
 * @param cpuRise                    points of median CPU % a model or hardware version must add
 * @param memoryRise                 points of median memory % likewise
 * @param temperatureRise            °C of median temperature likewise
 * @param worseShare                 share of the group's devices on the worse side of the others' median
 * @param highUtilization            channel utilization % that counts as congested for a home
 * @param congestedShare             share of homes on a channel congested at once for a congested hour
 * @param minHomesPerChannelHour     homes on the channel in that hour for the hour to count
 * @param minCongestedDays           days one hour of day must be congested
 * @param peakRatio                  busy hour over the daily mean for a peak worth naming
 * @param minNodeDevices             devices on an access node before it is judged
 * @param nodeDegradedShare          share of the node's devices degraded in the same hour
 * @param restDegradedShare          at most this share of other nodes' devices degraded in that hour
 * @param minNodeDegradedHours       hours the node must be degraded in the window
 * @param latencyFactor              a device-hour is degraded at this multiple of the fleet's median latency ...
 * @param latencyMarginMs            ... and at least this many ms above it,
 * @param lossMarginPercent          or with this many points of loss above the fleet's median,
 * @param qoeMargin                  or with QoE this many points under the fleet's median
 */
public record InsightSettings(ZoneOffset utcOffset, int minFleetDevices, int minGroupDevices,
                              double minGroupDeviceDays, double rebootCapPerDeviceDay, double rebootRateRatio,
                              double minAffectedShare, int minAffectedDevices, double zScore, double qoeDrop,
                              double cpuRise, double memoryRise, double temperatureRise, double worseShare,
                              double highUtilization, double congestedShare, int minHomesPerChannelHour,
                              int minCongestedDays, double peakRatio, int minNodeDevices, double nodeDegradedShare,
                              double restDegradedShare, int minNodeDegradedHours, double latencyFactor,
                              double latencyMarginMs, double lossMarginPercent, double qoeMargin) {

    public static InsightSettings defaults() {
        return new InsightSettings(ZoneOffset.UTC, 20, 20, 40, 3, 2.0, 0.10, 5, 3.0, 5, 15, 15, 8, 2.0 / 3,
                70, 0.40, 10, 3, 1.3, 5, 0.5, 0.2, 6, 2.0, 20, 2.0, 15);
    }

    public InsightSettings withUtcOffset(ZoneOffset offset) {
        return new InsightSettings(offset, minFleetDevices, minGroupDevices, minGroupDeviceDays,
                rebootCapPerDeviceDay, rebootRateRatio, minAffectedShare, minAffectedDevices, zScore, qoeDrop,
                cpuRise, memoryRise, temperatureRise, worseShare, highUtilization, congestedShare,
                minHomesPerChannelHour, minCongestedDays, peakRatio, minNodeDevices, nodeDegradedShare,
                restDegradedShare, minNodeDegradedHours, latencyFactor, latencyMarginMs, lossMarginPercent, qoeMargin);
    }
}
