package io.cpeoperator.operator.qoe.signals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The router itself.
 *
 * @param memoryTotal MemoryStatus.Total (KiB)
 * @param memoryFree  MemoryStatus.Free (KiB)
 * @param bootCount   Reboots.BootCount where reported (TR-181 2.15+)
 * @param topProcess  the process with the most CPU time, for the report, where reported and the CPU is busy
 */
public record SystemSignals(Optional<Reading> cpuPercent, Optional<Reading> memoryTotal, Optional<Reading> memoryFree,
                            List<TemperatureSignal> temperatures, Optional<Reading> uptimeSeconds,
                            Optional<Reading> bootCount, Optional<String> topProcess) {

    public SystemSignals {
        temperatures = List.copyOf(temperatures);
    }

    /** Used memory in percent of the total, when both are reported and make sense. */
    public OptionalDouble memoryUsedPercent() {
        if (memoryTotal.isEmpty() || memoryFree.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = memoryTotal.get().value();
        double free = memoryFree.get().value();
        if (total <= 0 || free < 0 || free > total) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (total - free) / total);
    }
}
