package io.cpeoperator.operator.qoe.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DeviceInfo.}: CPU, memory, temperature sensors, uptime, boot count and the busiest process. TR-181 and
 * TR-098 name these alike under their own root.
 */
final class SystemReader {

    private static final int MAX_SENSORS = 16;
    static final double BUSY_CPU_PERCENT = 50;

    private final TwinReadings twin;

    SystemReader(TwinReadings twin) {
        this.twin = twin;
    }

    SystemSignals read(String root) {
        String info = root + "DeviceInfo.";
        List<TemperatureSignal> temperatures = new ArrayList<>();
        String sensors = info + "TemperatureStatus.TemperatureSensor.";
        for (int index : twin.instances(sensors)) {
            if (temperatures.size() == MAX_SENSORS) {
                break;
            }
            String sensor = sensors + index + ".";
            if (!twin.isTrue(sensor + "Enable", true)) {
                continue;
            }
            // -274 is TR-181's "no reading"; anything outside a plausible range is a broken sensor
            Optional<Reading> value = twin.reading(sensor + "Value", -100, 199);
            if (value.isPresent()) {
                temperatures.add(new TemperatureSignal(twin.text(sensor + "Name").orElse(sensor),
                        value.get(), twin.reading(sensor + "HighAlarmValue", -100, 199)));
            }
        }
        Optional<Reading> cpu = twin.reading(info + "ProcessStatus.CPUUsage", 0, 100);
        // the busiest process only matters to a busy CPU's report: a quiet one is not worth the process table
        Optional<String> busiest = cpu.filter(c -> c.value() >= BUSY_CPU_PERCENT).flatMap(c -> topProcess(info));
        return new SystemSignals(cpu,
                twin.reading(info + "MemoryStatus.Total", 1, Double.MAX_VALUE),
                twin.reading(info + "MemoryStatus.Free", 0, Double.MAX_VALUE),
                temperatures, twin.reading(info + "UpTime", 0, Double.MAX_VALUE),
                twin.reading(info + "Reboots.BootCount", 0, Double.MAX_VALUE), busiest);
    }

    private Optional<String> topProcess(String info) {
        String table = info + "ProcessStatus.Process.";
        String top = null;
        double most = -1;
        for (int index : twin.instances(table)) {
            Optional<Reading> time = twin.reading(table + index + ".CPUTime", 0, Double.MAX_VALUE);
            Optional<String> command = twin.text(table + index + ".Command");
            if (time.isPresent() && command.isPresent() && time.get().value() > most) {
                most = time.get().value();
                top = command.get().length() > 64 ? command.get().substring(0, 64) : command.get();
            }
        }
        return Optional.ofNullable(top);
    }
}
