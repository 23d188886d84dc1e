package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.ParameterConflict;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says in one sentence which fleets disagree on which paths. */
public final class FleetConflicts {

    private static final int NAMED_PATHS = 5;

    private FleetConflicts() {
    }

    /** e.g. "CpeFleets wifi-a and wifi-b set different values for Device.WiFi.SSID.1.SSID; neither is applied ...". */
    public static String describe(List<ParameterConflict> conflicts) {
        Map<String, TreeSet<String>> pathsByFleets = new TreeMap<>();
        for (ParameterConflict conflict : conflicts) {
            String fleets = names(conflict.getFleets().stream().distinct().sorted().toList());
            pathsByFleets.computeIfAbsent(fleets, f -> new TreeSet<>()).add(conflict.getPath());
        }
        return pathsByFleets.entrySet().stream().map(entry -> {
            List<String> paths = List.copyOf(entry.getValue());
            String named = String.join(", ", paths.subList(0, Math.min(NAMED_PATHS, paths.size())))
                    + (paths.size() > NAMED_PATHS ? " and " + (paths.size() - NAMED_PATHS) + " more" : "");
            return "CpeFleets " + entry.getKey() + " set different values for " + named + ".";
        }).collect(Collectors.joining(" ")) + " Neither value is applied until the fleets agree or the device sets the "
                + "path in its own spec.parameters.";
    }

    /** "a and b", "a, b and c". */
    public static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
