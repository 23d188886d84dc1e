package io.cpeoperator.operator.device.summary;

import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.operator.conditions.Conditions;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The summary written to {@code status.summary}, taken from the twin with the TR-181 ({@code Device.}) or TR-098
 * ({@code InternetGatewayDevice.}) data model: device info, boot time derived from uptime, CPU, memory, temperature,
 * WAN ({@link WanSummaryMapper}) and Wi-Fi ({@link WifiSummaryMapper}), and the host count. Fields the device does not
 * report stay absent. Never throws for what a device sent.
 */
public final class DeviceSummaryMapper {

    /** The two data models, by their root object. */
    public enum DataModel {
        TR181("Device.", "TR-181"),
        TR098("InternetGatewayDevice.", "TR-098");

        private final String root;
        private final String label;

        DataModel(String root, String label) {
            this.root = root;
            this.label = label;
        }

        public String root() {
            return root;
        }

        public String label() {
            return label;
        }
    }

    private final WanSummaryMapper wan = new WanSummaryMapper();
    private final WifiSummaryMapper wifi = new WifiSummaryMapper();

    /**
     * @param previous    the summary in status now, whose boot time is kept when the new one is within tolerance
     * @param lastContact when the device was last heard from, or null when not since start (previous value kept)
     * @return null when the twin holds nothing about the device
     */
    public DeviceSummary map(TwinStore twins, DeviceId id, DeviceSummary previous, Instant lastContact) {
        if (!twins.contains(id)) {
            return previous;
        }
        TwinValues twin = new TwinValues(twins, id);
        DataModel model = twin.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion").isPresent()
                ? DataModel.TR098 : DataModel.TR181;
        String info = model.root() + "DeviceInfo.";
        DeviceSummary summary = new DeviceSummary();
        summary.setDataModel(model.label());
        twin.text(info + "Manufacturer").ifPresent(summary::setManufacturer);
        twin.text(info + "ProductClass").ifPresent(summary::setProductClass);
        summary.setModelName(twin.text(info + "ModelName").orElse(summary.getProductClass()));
        twin.text(info + "SoftwareVersion").ifPresent(summary::setSoftwareVersion);
        twin.text(info + "HardwareVersion").ifPresent(summary::setHardwareVersion);

        String previousBoot = previous == null ? null : previous.getBootTime();
        OptionalLong uptime = twin.number(info + "UpTime");
        summary.setBootTime(uptime.isPresent()
                ? BootTimes.bootTime(uptime.getAsLong(), twin.observedAt(info + "UpTime").orElseThrow(), previousBoot)
                : previousBoot);
        summary.setLastContact(lastContact != null ? Conditions.format(lastContact)
                : previous == null ? null : previous.getLastContact());

        percent(twin.number(info + "ProcessStatus.CPUUsage")).ifPresent(v -> summary.setCpuPercent((int) v));
        memoryPercent(twin, info + "MemoryStatus.").ifPresent(v -> summary.setMemoryPercent((int) v));
        maxTemperature(twin, info + "TemperatureStatus.TemperatureSensor.*.Value")
                .ifPresent(v -> summary.setTemperatureCelsius((int) v));

        wan.apply(twin, model, summary);
        wifi.apply(twin, model, summary);
        summary.setHostCount(hostCount(twin, model));
        return summary;
    }

    private static OptionalLong percent(OptionalLong value) {
        return value.isPresent() && value.getAsLong() >= 0 && value.getAsLong() <= 100 ? value : OptionalLong.empty();
    }

    private static OptionalLong memoryPercent(TwinValues twin, String memory) {
        OptionalLong total = twin.number(memory + "Total");
        OptionalLong free = twin.number(memory + "Free");
        if (total.isEmpty() || free.isEmpty() || total.getAsLong() <= 0 || free.getAsLong() < 0
                || free.getAsLong() > total.getAsLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(100.0 * (total.getAsLong() - free.getAsLong()) / total.getAsLong()));
    }

    private static OptionalLong maxTemperature(TwinValues twin, String pattern) {
        OptionalLong max = OptionalLong.empty();
        for (String value : twin.all(pattern).values()) {
            OptionalLong reading = TwinValues.parseLong(value);
            // -274 is TR-181's "no reading"; anything outside a plausible range is a broken sensor
            if (reading.isPresent() && reading.getAsLong() > -100 && reading.getAsLong() < 200
                    && (max.isEmpty() || reading.getAsLong() > max.getAsLong())) {
                max = reading;
            }
        }
        return max;
    }

    private static Integer hostCount(TwinValues twin, DataModel model) {
        if (model == DataModel.TR181) {
            OptionalLong reported = twin.number("Device.Hosts.HostNumberOfEntries");
            if (reported.isPresent() && reported.getAsLong() >= 0) {
                return (int) Math.min(reported.getAsLong(), Integer.MAX_VALUE);
            }
            int counted = twin.instances("Device.Hosts.Host.").size();
            return counted == 0 && twin.parameter("Device.Hosts.HostNumberOfEntries").isEmpty() ? null : counted;
        }
        Map<String, String> perLan = twin.all("InternetGatewayDevice.LANDevice.*.Hosts.HostNumberOfEntries");
        if (perLan.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (String value : perLan.values()) {
            sum += Math.max(0, TwinValues.parseLong(value).orElse(0));
        }
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }
}
