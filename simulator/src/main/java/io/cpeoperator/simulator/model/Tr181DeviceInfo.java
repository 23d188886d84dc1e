package io.cpeoperator.simulator.model;

import java.time.Instant;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/** {@code Device.DeviceInfo.}: identity, firmware images, processes, memory, temperatures, reboot counters. */
final class Tr181DeviceInfo {

    private static final String[] PROCESSES = {
        "init", "kthreadd", "ksoftirqd/0", "dropbear", "dnsmasq", "hostapd", "wpa_supplicant", "netifd", "odhcpd",
        "pppd", "obuspa", "cwmpd", "mosquitto_cli", "lighttpd", "ntpd", "syslogd"
    };

    private Tr181DeviceInfo() {
    }

    static void define(SchemaBuilder b, VendorModel model, String root) {
        String info = root + "DeviceInfo.";
        b.object(info)
                .ro("Manufacturer", STRING, DeviceFacts::manufacturer)
                .ro("ManufacturerOUI", STRING, DeviceFacts::oui)
                .ro("ModelName", model.productClass())
                .ro("Description", model.description())
                .ro("ProductClass", STRING, DeviceFacts::productClass)
                .ro("SerialNumber", STRING, DeviceFacts::serialNumber)
                .ro("HardwareVersion", model.hardwareVersion())
                .ro("SoftwareVersion", STRING, DeviceFacts::softwareVersion)
                .ro("AdditionalSoftwareVersion", STRING, d -> "bootloader-2.1." + (d.seed() & 3))
                .rw("ProvisioningCode", STRING, ValueSource.constant(""), ValueCheck.maxLength(64))
                .ro("UpTime", UNSIGNED_INT, d -> Long.toString(d.uptimeSeconds()))
                .ro("FirstUseDate", DATE_TIME, d -> Instant.ofEpochMilli(d.now() - 86_400_000L * (30 + (Math.abs(d.seed()) % 900))).toString())
                .ro("FirmwareImageNumberOfEntries", UNSIGNED_INT, ValueSource.constant("2"))
                .ro("ActiveFirmwareImage", STRING, ValueSource.constant(info + "FirmwareImage.1"))
                .ro("BootFirmwareImage", STRING, ValueSource.constant(info + "FirmwareImage.1"))
                .ro("ProcessorNumberOfEntries", UNSIGNED_INT, ValueSource.constant("2"))
                .ro("VendorLogFileNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        for (int image = 1; image <= 2; image++) {
            boolean active = image == 1;
            b.object(info + "FirmwareImage." + image + ".")
                    .ro("Alias", "cpe-fw-" + image)
                    .ro("Name", STRING, d -> "fw-" + (active ? d.softwareVersion() : d.previousSoftwareVersion()) + ".img")
                    .ro("Version", STRING, active ? DeviceFacts::softwareVersion : DeviceFacts::previousSoftwareVersion)
                    .ro("Available", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", "Available")
                    .ro("BootFailureLog", "");
        }
        for (int cpu = 1; cpu <= 2; cpu++) {
            b.object(info + "Processor." + cpu + ".").ro("Architecture", "arm");
        }
        b.object(info + "VendorLogFile.1.")
                .ro("Name", "/var/log/messages")
                .ro("MaximumSize", UNSIGNED_INT, ValueSource.constant("131072"))
                .ro("Persistent", BOOLEAN, ValueSource.constant("false"));
        String total = Long.toString(model.memoryKiB());
        b.object(info + "MemoryStatus.")
                .ro("Total", UNSIGNED_INT, ValueSource.constant(total))
                .ro("Free", UNSIGNED_INT, d -> Long.toString(Telemetry.freeMemoryKiB(d, model.memoryKiB())));
        b.object(info + "ProcessStatus.")
                .ro("CPUUsage", UNSIGNED_INT, d -> Integer.toString(Telemetry.cpuUsage(d)))
                .ro("ProcessNumberOfEntries", UNSIGNED_INT, ValueSource.constant(Integer.toString(PROCESSES.length)));
        for (int p = 0; p < PROCESSES.length; p++) {
            int index = p;
            b.object(info + "ProcessStatus.Process." + (p + 1) + ".")
                    .ro("PID", UNSIGNED_INT, d -> Integer.toString(index < 3 ? index + 1 : 300 + index * 17 + (d.bootCount() % 7)))
                    .ro("Command", PROCESSES[p])
                    .ro("Size", UNSIGNED_INT, d -> Long.toString(400 + (long) (3000 * Wander.unit(d.seed(), 9000 + index))))
                    .ro("Priority", UNSIGNED_INT, ValueSource.constant(index < 3 ? "0" : "20"))
                    .ro("CPUTime", UNSIGNED_INT, d -> Long.toString(cpuTimeMillis(d, index)))
                    .ro("State", "Sleeping");
        }
        b.object(info + "TemperatureStatus.")
                .ro("TemperatureSensorNumberOfEntries", UNSIGNED_INT, ValueSource.constant("3"));
        String[] sensors = {"SoC", "WiFi", "Board"};
        for (int s = 1; s <= 3; s++) {
            int sensor = s;
            b.object(info + "TemperatureStatus.TemperatureSensor." + s + ".")
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", "Enabled")
                    .ro("Name", sensors[s - 1])
                    .ro("Value", INT, d -> Long.toString(Math.round(Telemetry.temperature(d, sensor))))
                    .ro("LastUpdate", DATE_TIME, d -> Instant.ofEpochMilli(d.now() / 60_000 * 60_000).toString())
                    .ro("MinValue", INT, ValueSource.constant("31"))
                    .ro("MaxValue", INT, d -> Long.toString(Math.round(Telemetry.temperature(d, sensor) + 3)))
                    .rw("HighAlarmValue", INT, ValueSource.constant("85"), ValueCheck.range(-274, 200))
                    .ro("HighAlarmTime", DATE_TIME, d -> Telemetry.temperature(d, sensor) > 85
                            ? Instant.ofEpochMilli(d.now() - d.uptimeSeconds() * 1000 / 2).toString()
                            : "0001-01-01T00:00:00Z")
                    .rw("LowAlarmValue", INT, ValueSource.constant("-10"), ValueCheck.range(-274, 200));
        }
        b.object(info + "Reboots.")
                .ro("BootCount", UNSIGNED_INT, d -> Integer.toString(d.bootCount()))
                .ro("CurrentBootCycle", UNSIGNED_INT, d -> Integer.toString(d.bootCount()))
                .ro("WatchdogBootCount", UNSIGNED_INT, DeviceInfoValues::watchdogBoots)
                .ro("ColdBootCount", UNSIGNED_INT, ValueSource.constant("1"))
                .ro("WarmBootCount", UNSIGNED_INT, d -> Integer.toString(Math.max(0, d.bootCount() - 1)));
    }

    private static long cpuTimeMillis(DeviceFacts d, int process) {
        double share = 0.002 + 0.01 * Wander.unit(d.seed(), 9100 + process);
        if (process == 10 && d.has(io.cpeoperator.simulator.scenario.Scenario.CPU_OVERLOAD)) {
            share = 0.85;
        }
        return Math.round(d.uptimeSeconds() * 1000 * share);
    }

    /** Values shared with the TR-098 model. */
    static final class DeviceInfoValues {
        private DeviceInfoValues() {
        }

        /**
         * A device in the reboot-loop scenario has crashed a few times before the simulation saw it (3..14, from the
         * seed), so one snapshot shows the loop: WatchdogBootCount of 3 or more next to an UpTime of minutes. Other
         * devices count the crashes they had in the simulation (a bad firmware's loop).
         */
        static String watchdogBoots(DeviceFacts d) {
            if (!d.has(io.cpeoperator.simulator.scenario.Scenario.REBOOT_LOOP)) {
                return Integer.toString(d.watchdogBootCount());
            }
            return Integer.toString(3 + Math.floorMod(d.seed(), 12) + Math.max(0, d.bootCount() - 1));
        }

    }
}
