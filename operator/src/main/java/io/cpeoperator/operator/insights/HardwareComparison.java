package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Median device QoE, CPU, memory and temperature of each model against the rest of the fleet, and of each hardware
 * version of a model against the model's other hardware versions. Only a difference of at least the set points
 * ({@code qoeDrop}, {@code cpuRise}, {@code memoryRise}, {@code temperatureRise}) on the worse side, with
 * {@code worseShare} of the group's devices beyond the others' median and enough devices on both sides, is named.
 */
final class HardwareComparison {

    private static final class Group {
        int devices;
        final Histogram qoe = new Histogram(0, 0.5, 201);
        final Histogram cpu = new Histogram(0, 0.5, 201);
        final Histogram memory = new Histogram(0, 0.5, 201);
        final Histogram temperature = new Histogram(-20, 0.5, 255);

        void add(Group other) {
            devices += other.devices;
            qoe.addAll(other.qoe);
            cpu.addAll(other.cpu);
            memory.addAll(other.memory);
            temperature.addAll(other.temperature);
        }
    }

    private final InsightSettings settings;
    private final Map<String, Map<String, Group>> byModel = new LinkedHashMap<>();

    HardwareComparison(InsightSettings settings) {
        this.settings = settings;
    }

    void add(DeviceFacts facts, double qoe, double cpu, double memory, double temperature) {
        Group g = byModel.computeIfAbsent(facts.model(), m -> new LinkedHashMap<>())
                .computeIfAbsent(facts.hardwareVersion(), hw -> new Group());
        g.devices++;
        g.qoe.add(qoe);
        g.cpu.add(cpu);
        g.memory.add(memory);
        g.temperature.add(temperature);
    }

    List<FleetInsight> insights() {
        List<FleetInsight> out = new ArrayList<>();
        Map<String, Group> models = new LinkedHashMap<>();
        byModel.forEach((model, hws) -> {
            Group g = new Group();
            hws.values().forEach(g::add);
            models.put(model, g);
        });
        models.forEach((model, g) -> {
            Group rest = othersThan(g, models);
            compare(model, g, "the rest of the fleet", rest).ifPresent(out::add);
        });
        byModel.forEach((model, hws) -> {
            if (hws.size() < 2) {
                return;
            }
            hws.forEach((hw, g) -> {
                Group rest = new Group();
                List<String> names = new ArrayList<>();
                hws.forEach((otherHw, o) -> {
                    if (o != g) {
                        rest.add(o);
                        names.add(otherHw);
                    }
                });
                compare(model + " hardware " + hw, g, model + " hardware " + String.join(" and ", names), rest)
                        .ifPresent(out::add);
            });
        });
        return out;
    }

    private static Group othersThan(Group g, Map<String, Group> models) {
        Group rest = new Group();
        models.values().stream().filter(o -> o != g).forEach(rest::add);
        return rest;
    }

    private Optional<FleetInsight> compare(String subject, Group g, String restName, Group rest) {
        if (g.devices < settings.minGroupDevices() || rest.devices < settings.minGroupDevices()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        double[] first = null;
        String unit = null;
        boolean qoeWorse = false;
        double[] d = worse(g.qoe, rest.qoe, -settings.qoeDrop());
        if (d != null) {
            parts.add(Insights.format("median QoE %.0f against %.0f", d[0], d[1]));
            first = d;
            unit = "QoE score";
            qoeWorse = true;
        }
        d = worse(g.temperature, rest.temperature, settings.temperatureRise());
        if (d != null) {
            parts.add(Insights.format("temperature %.0f °C against %.0f °C", d[0], d[1]));
            if (first == null) {
                first = d;
                unit = "°C";
            }
        }
        d = worse(g.cpu, rest.cpu, settings.cpuRise());
        if (d != null) {
            parts.add(Insights.format("CPU %.0f %% against %.0f %%", d[0], d[1]));
            if (first == null) {
                first = d;
                unit = "% CPU";
            }
        }
        d = worse(g.memory, rest.memory, settings.memoryRise());
        if (d != null) {
            parts.add(Insights.format("memory %.0f %% against %.0f %%", d[0], d[1]));
            if (first == null) {
                first = d;
                unit = "% memory";
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String message = Insights.format("%s (%,d devices) against %s (%,d devices): %s.", subject, g.devices, restName,
                rest.devices, String.join(", ", parts));
        return Optional.of(Insights.of(Insights.MODEL_COMPARISON, qoeWorse ? Insights.WARNING : Insights.INFO,
                subject, message, g.devices, first[0], first[1], unit));
    }

    /**
     * {group median, rest median} when the group is worse by at least {@code |margin|} (a negative margin: lower is
     * worse) and enough of its devices lie beyond the rest's median; else null.
     */
    private double[] worse(Histogram group, Histogram rest, double margin) {
        if (group.total() < settings.minGroupDevices() || rest.total() < settings.minGroupDevices()) {
            return null;
        }
        double g = group.median();
        double r = rest.median();
        boolean lowerIsWorse = margin < 0;
        double difference = lowerIsWorse ? r - g : g - r;
        int beyond = lowerIsWorse ? group.countBelow(r) : group.countAbove(r);
        if (difference >= Math.abs(margin) && beyond >= settings.worseShare() * group.total()) {
            return new double[] {g, r};
        }
        return null;
    }
}
