package io.cpeoperator.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Which devices suffer from what: per scenario a fleet percentage ({@code interference=10%}), a device count
 * ({@code overheating=3}) or explicit device indexes ({@code cpu-overload=@0@7}).
 */
public record ScenarioPlan(List<Entry> entries) {

    public ScenarioPlan {
        entries = List.copyOf(entries);
    }

    public static ScenarioPlan none() {
        return new ScenarioPlan(List.of());
    }

    public static ScenarioPlan parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return none();
        }
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("scenario entry '" + item + "' must look like interference=10%");
            }
            Scenario scenario = Scenario.fromCliName(item.substring(0, eq));
            String amount = item.substring(eq + 1).trim();
            try {
                if (amount.startsWith("@")) {
                    List<Integer> indexes = new ArrayList<>();
                    for (String index : amount.substring(1).split("@")) {
                        indexes.add(Integer.parseInt(index.trim()));
                    }
                    entries.add(new Entry(scenario, 0, 0, indexes));
                } else if (amount.endsWith("%")) {
                    double percent = Double.parseDouble(amount.substring(0, amount.length() - 1));
                    if (percent < 0 || percent > 100) {
                        throw new IllegalArgumentException("percentage out of range: " + item);
                    }
                    entries.add(new Entry(scenario, percent, 0, List.of()));
                } else {
                    entries.add(new Entry(scenario, 0, Integer.parseInt(amount), List.of()));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scenario amount '" + amount + "' must be N%, N or @index");
            }
        }
        return new ScenarioPlan(entries);
    }

    /**
     * One scenario's share.
     *
     * @param percent of the fleet (0 when {@code count} or {@code indexes} is used)
     * @param count   number of devices
     * @param indexes explicit device indexes (0-based, in creation order)
     */
    public record Entry(Scenario scenario, double percent, int count, List<Integer> indexes) {
        public Entry {
            indexes = List.copyOf(indexes);
        }

        /** How many devices of a fleet of {@code fleetSize} this entry selects at random. */
        public int randomCount(int fleetSize) {
            if (!indexes.isEmpty()) {
                return 0;
            }
            return percent > 0 ? (int) Math.max(1, Math.round(fleetSize * percent / 100.0)) : count;
        }
    }
}
