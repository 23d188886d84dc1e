package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fleet insights from the devices' hourly histories: firmware stability, hardware differences, recurring Wi-Fi
 * interference, peak usage and access-node bottlenecks, each a sentence with the numbers behind it. One pass over
 * every device's window feeds all finders (a second pass over devices with an access node compares them with the
 * fleet's medians of the first); nothing is allocated per device or per sample. Pure: no Kubernetes calls, no clock.
 */
public final class FleetInsights {

    /** Hours of a gauge a device needs before its mean speaks for it. */
    private static final int MIN_GAUGE_HOURS = 6;
    /** Insights kept (status stays small); the report names the first few. */
    static final int MAX_INSIGHTS = 10;
    private static final int REPORTED = 5;

    private FleetInsights() {
    }

    public static FleetInsightsReport compute(List<DeviceFacts> devices, HourlyHistoryStore store, Instant now,
                                              InsightSettings settings) {
        int hours = store.days() * 24;
        long lastHour = Math.floorDiv(now.getEpochSecond(), 3600L);
        WindowClock clock = new WindowClock(lastHour, hours, settings.utcOffset());
        DeviceWindow window = new DeviceWindow(hours);
        FirmwareStability firmware = new FirmwareStability(settings);
        HardwareComparison hardware = new HardwareComparison(settings);
        RecurringInterference interference = new RecurringInterference(settings, clock, hours);
        PeakUsage peak = new PeakUsage(settings, clock, hours);
        AccessNodeBottlenecks nodes = new AccessNodeBottlenecks(settings, clock, hours);

        HourlyHistory[] onNode = new HourlyHistory[devices.size()];
        int[] nodeOf = new int[devices.size()];
        int withData = 0;
        int withDay = 0;
        long observedHours = 0;
        for (int i = 0; i < devices.size(); i++) {
            DeviceFacts facts = devices.get(i);
            HourlyHistory history = store.find(facts.deviceId());
            if (history == null) {
                continue;
            }
            window.fill(history, lastHour);
            if (window.observedHours == 0) {
                continue;
            }
            withData++;
            withDay += window.observedHours >= 24 ? 1 : 0;
            observedHours += window.observedHours;
            double deviceDays = window.observedHours / 24.0;
            int reboots = 0;
            for (int r : window.reboots) {
                reboots += r;
            }
            double qoe = DeviceWindow.mean(window.qoe, MIN_GAUGE_HOURS);
            if (Double.isNaN(qoe) && facts.qoeScore() != null) {
                qoe = facts.qoeScore();
            }
            firmware.add(facts, deviceDays, reboots, qoe);
            hardware.add(facts, qoe, DeviceWindow.mean(window.cpu, MIN_GAUGE_HOURS),
                    DeviceWindow.mean(window.memory, MIN_GAUGE_HOURS),
                    DeviceWindow.mean(window.temperature, MIN_GAUGE_HOURS));
            interference.add(window);
            peak.add(window);
            nodes.addToFleet(window);
            int node = nodes.node(facts.accessNode());
            if (node >= 0) {
                onNode[i] = history;
                nodeOf[i] = node;
            }
        }
        double deviceDays = observedHours / 24.0;
        if (withDay < settings.minFleetDevices()) {
            String message = Insights.format("Too little history for fleet insights: %,d devices have a day of hourly"
                    + " data, %,d are needed; trends need several days.", withDay, settings.minFleetDevices());
            FleetInsight unknown = Insights.of(Insights.UNKNOWN, Insights.INFO, "history", message, withDay,
                    null, null, null);
            return new FleetInsightsReport(List.of(unknown), message, withData, deviceDays);
        }

        nodes.prepare();
        for (int i = 0; i < onNode.length; i++) {
            if (onNode[i] != null) {
                window.fillWan(onNode[i], lastHour);
                nodes.addToNode(nodeOf[i], window);
            }
        }

        List<FleetInsight> found = new ArrayList<>();
        found.addAll(firmware.insights());
        found.addAll(nodes.insights());
        found.addAll(interference.insights());
        found.addAll(hardware.insights());
        FleetInsight busy = peak.insight();
        if (busy != null) {
            found.add(busy);
        }
        found.sort(Comparator.comparing((FleetInsight f) -> Insights.WARNING.equals(f.getSeverity()) ? 0 : 1)
                .thenComparing(f -> f.getDevices() == null ? 0 : -f.getDevices()));
        List<FleetInsight> kept = found.size() > MAX_INSIGHTS ? found.subList(0, MAX_INSIGHTS) : found;
        String report = report(kept, found.size(), withData, deviceDays, store.days(),
                notJudged(firmware, interference, nodes, settings));
        return new FleetInsightsReport(kept, report, withData, deviceDays);
    }

    private static String report(List<FleetInsight> insights, int total, int devices, double deviceDays, int days,
                                 String notJudged) {
        String volume = Insights.format("%,d devices and %,.0f device-days of hourly data (last %d days)", devices,
                deviceDays, days);
        if (insights.isEmpty()) {
            return "Nothing stands out across " + volume + ": firmware versions, models, Wi-Fi channels, busy hours"
                    + " and access nodes behave alike." + notJudged;
        }
        StringBuilder out = new StringBuilder();
        long warnings = insights.stream().filter(f -> Insights.WARNING.equals(f.getSeverity())).count();
        out.append(Insights.format("%d %s across %s. ", total, total == 1 ? "finding" : "findings", volume));
        for (int i = 0; i < Math.min(REPORTED, insights.size()); i++) {
            FleetInsight insight = insights.get(i);
            if (i == 0 && warnings > 0) {
                out.append("Most important: ");
            } else if (i == warnings) {
                out.append(i == 0 ? "" : " Also: ");
            } else {
                out.append(' ');
            }
            out.append(insight.getMessage());
        }
        if (total > REPORTED) {
            out.append(Insights.format(" And %d more.", total - REPORTED));
        }
        return out.append(notJudged).toString();
    }

    private static String notJudged(FirmwareStability firmware, RecurringInterference interference,
                                    AccessNodeBottlenecks nodes, InsightSettings settings) {
        List<String> notes = new ArrayList<>();
        if (firmware.comparableModels() == 0) {
            notes.add(Insights.format("no model has two firmware versions with %d devices and %.0f device-days each",
                    settings.minGroupDevices(), settings.minGroupDeviceDays()));
        }
        if (!interference.anyChannel()) {
            notes.add("no Wi-Fi channel utilization was reported");
        }
        if (!nodes.anyNode()) {
            notes.add("no device has an access-node label");
        }
        return notes.isEmpty() ? "" : " Not judged: " + String.join("; ", notes) + ".";
    }
}
