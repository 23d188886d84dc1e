package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.Ramp;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.signals.Reading;
import io.cpeoperator.operator.qoe.signals.SystemSignals;
import io.cpeoperator.operator.qoe.signals.TemperatureSignal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The router itself: sustained CPU load (never a single reading), memory use, every temperature sensor against its own
 * alarm value, and reboots. A reboot loop needs history, except that an uptime of an hour or more proves there was
 * none in the last hour.
 */
public final class SystemChecks {

    private static final Factor F = Factor.SYSTEM;
    /** CPU is sustained when every reading of this window is high... */
    static final Duration CPU_WINDOW = Duration.ofMinutes(15);
    /** ...and the window holds two readings at least this far apart. */
    static final Duration CPU_MIN_SPAN = Duration.ofSeconds(60);
    private static final Duration LOOP_WINDOW = Duration.ofHours(1);

    private final QoeThresholds t;

    public SystemChecks(QoeThresholds thresholds) {
        this.t = thresholds;
    }

    public List<CheckResult> run(SystemSignals system, DeviceHistory history, Instant now) {
        List<CheckResult> results = new ArrayList<>();
        results.add(cpu(system, history));
        results.add(memory(system));
        results.add(temperature(system));
        results.add(reboots(system, history, now));
        return results;
    }

    private CheckResult cpu(SystemSignals system, DeviceHistory history) {
        if (system.cpuPercent().isEmpty()) {
            return CheckResult.unknown(F, "cpu", "the device reports no CPU usage");
        }
        Optional<DeviceHistory.SustainedCpu> sustained = history.sustainedCpu(CPU_WINDOW, CPU_MIN_SPAN);
        Reading latest = system.cpuPercent().get();
        if (sustained.isEmpty()) {
            return CheckResult.notYet(F, "cpu", "CPU load needs two readings at least a minute apart (now "
                    + Texts.percent(latest.value()) + ")");
        }
        double load = sustained.get().lowest();
        int score = Ramp.lowerIsBetter(load, t.cpuPercent() - 20, t.cpuPercent());
        String observation = "the CPU has stayed at or above " + Texts.percent(load) + " for "
                + Texts.duration(sustained.get().span().toSeconds()) + " (" + sustained.get().readings()
                + " readings, now " + Texts.percent(latest.value()) + ")";
        if (load < t.cpuPercent()) {
            return CheckResult.assessed(F, "cpu", score, observation);
        }
        Severity severity = load >= (t.cpuPercent() + 100) / 2.0 ? Severity.CRITICAL : Severity.WARNING;
        Finding finding = new Finding(FindingCodes.CPU_OVERLOAD, severity, F, score, "The CPU is overloaded.",
                observation, List.of(latest.evidence()), "A process is running away"
                + system.topProcess().map(p -> " (the busiest is " + p + ")").orElse("")
                + ": restart it or reboot in a quiet hour; if it returns, the firmware needs a fix.");
        return CheckResult.raised(F, "cpu", score, observation, finding);
    }

    private CheckResult memory(SystemSignals system) {
        OptionalDouble used = system.memoryUsedPercent();
        if (used.isEmpty()) {
            return CheckResult.unknown(F, "memory", "the device reports no memory total and free");
        }
        double percent = used.getAsDouble();
        int score = Ramp.lowerIsBetter(percent, t.memoryPercent() - 15, t.memoryPercent());
        String observation = Texts.percent(percent) + " of the memory is in use";
        if (percent < t.memoryPercent()) {
            return CheckResult.assessed(F, "memory", score, observation);
        }
        String uptime = system.uptimeSeconds().map(u -> " after " + Texts.duration(u.value()) + " of uptime")
                .orElse("");
        Finding finding = new Finding(FindingCodes.MEMORY_PRESSURE, percent >= 97 ? Severity.CRITICAL
                : Severity.WARNING, F, score, "The router is running out of memory.", observation + uptime,
                List.of(system.memoryFree().get().evidence(), system.memoryTotal().get().evidence()),
                "Memory this full" + uptime + " usually means a leak: reboot in a quiet hour to relieve it, and "
                        + "check whether the firmware version has a fix.");
        return CheckResult.raised(F, "memory", score, observation, finding);
    }

    private CheckResult temperature(SystemSignals system) {
        if (system.temperatures().isEmpty()) {
            return CheckResult.unknown(F, "temperature", "the device reports no temperature sensor");
        }
        TemperatureSignal hottest = null;
        int worst = 101;
        for (TemperatureSignal sensor : system.temperatures()) {
            double limit = limit(sensor);
            int score = Ramp.lowerIsBetter(sensor.value().value(), limit - 10, limit);
            if (score < worst) {
                worst = score;
                hottest = sensor;
            }
        }
        double limit = limit(hottest);
        String observation = "the hottest sensor, " + hottest.name() + ", reads " + Texts.whole(hottest.value().value())
                + " °C (alarm at " + Texts.whole(limit) + " °C)";
        if (hottest.value().value() < limit) {
            return CheckResult.assessed(F, "temperature", worst, observation);
        }
        List<Reading> evidence = new ArrayList<>();
        evidence.add(hottest.value());
        hottest.highAlarm().ifPresent(evidence::add);
        Finding finding = new Finding(FindingCodes.OVERHEATING, hottest.value().value() >= limit + 10
                ? Severity.CRITICAL : Severity.WARNING, F, worst, "The router is overheating.", observation,
                Texts.evidence(evidence), "Check where the router stands: free its vents, keep it out of cabinets and "
                + "sunlight; if it stays hot, its fan or the hardware is failing.");
        return CheckResult.raised(F, "temperature", worst, observation, finding);
    }

    private double limit(TemperatureSignal sensor) {
        return sensor.highAlarm().map(Reading::value).orElse((double) t.temperatureCelsius());
    }

    private CheckResult reboots(SystemSignals system, DeviceHistory history, Instant now) {
        if (system.uptimeSeconds().isEmpty()) {
            return CheckResult.unknown(F, "reboots", "the device reports no uptime");
        }
        Reading uptime = system.uptimeSeconds().get();
        if (uptime.value() >= LOOP_WINDOW.toSeconds()) {
            return CheckResult.assessed(F, "reboots", 100, "up for " + Texts.duration(uptime.value()));
        }
        int boots = history.bootsWithin(LOOP_WINDOW, now);
        if (boots >= t.rebootLoopBoots()) {
            String observation = "the router booted " + boots + " times in the last hour (up for "
                    + Texts.duration(uptime.value()) + " now)";
            List<Reading> evidence = new ArrayList<>();
            evidence.add(uptime);
            system.bootCount().ifPresent(evidence::add);
            Finding finding = new Finding(FindingCodes.REBOOT_LOOP, Severity.CRITICAL, F, 0,
                    "The router is in a reboot loop.", observation, Texts.evidence(evidence),
                    "A loop like this is usually the firmware: roll the device back to the previous version, and stop "
                            + "any rollout of this version.");
            return CheckResult.raised(F, "reboots", 0, observation, finding);
        }
        if (history.uptimeWatched().compareTo(LOOP_WINDOW) < 0 && boots < t.rebootLoopBoots()) {
            return CheckResult.notYet(F, "reboots", "the router rebooted " + Texts.duration(uptime.value())
                    + " ago; whether it keeps rebooting needs up to an hour of observation");
        }
        return CheckResult.assessed(F, "reboots", boots >= 2 ? 60 : 85, "the router booted "
                + Texts.plural(boots, "time", "times") + " in the last hour");
    }
}
