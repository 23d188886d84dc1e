package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.ConfigSource;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.ParameterConflict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges a device's own parameters with those of its fleets. The device's value wins per path. Fleets that agree on a
 * path share it; fleets that set different values for a path are in conflict on it, and neither value is applied
 * until they agree (picking one would make the result depend on fleet names).
 */
public final class ParameterResolver {

    /** Longest list of paths written into status per source, overridden and conflicting paths. */
    static final int LISTED = 50;

    private ParameterResolver() {
    }

    /** @param fleets the fleets selecting the device, by name */
    public static DesiredParameters resolve(CpeDevice device, List<CpeFleet> fleets) {
        Map<String, String> own = device.getSpec() == null ? Map.of() : device.getSpec().getParameters();
        // path -> value -> fleets setting it, for paths the device does not set itself
        Map<String, Map<String, List<String>>> offered = new TreeMap<>();
        TreeSet<String> overridden = new TreeSet<>();
        for (CpeFleet fleet : fleets) {
            Map<String, String> parameters = fleet.getSpec().getParameters();
            if (parameters == null) {
                continue;
            }
            parameters.forEach((path, value) -> {
                if (own.containsKey(path)) {
                    if (!Objects.equals(own.get(path), value)) {
                        overridden.add(path);
                    }
                    return;
                }
                offered.computeIfAbsent(path, p -> new LinkedHashMap<>())
                        .computeIfAbsent(value, v -> new ArrayList<>()).add(fleet.getMetadata().getName());
            });
        }
        Map<String, String> values = new TreeMap<>(own);
        Map<String, TreeSet<String>> pathsBySource = new LinkedHashMap<>();
        if (!own.isEmpty()) {
            pathsBySource.put(DesiredParameters.DEVICE_SOURCE, new TreeSet<>(own.keySet()));
        }
        fleets.forEach(fleet -> pathsBySource.put(DesiredParameters.fleetSource(fleet.getMetadata().getName()),
                new TreeSet<>()));
        List<ParameterConflict> conflicts = new ArrayList<>();
        offered.forEach((path, byValue) -> {
            if (byValue.size() > 1) {
                List<String> disagreeing = byValue.values().stream().flatMap(List::stream).sorted().toList();
                conflicts.add(new ParameterConflict(path, disagreeing));
                return;
            }
            Map.Entry<String, List<String>> only = byValue.entrySet().iterator().next();
            values.put(path, only.getKey());
            only.getValue().forEach(name -> pathsBySource.get(DesiredParameters.fleetSource(name)).add(path));
        });
        List<ConfigSource> sources = new ArrayList<>();
        pathsBySource.forEach((source, paths) -> {
            if (!paths.isEmpty()) {
                sources.add(new ConfigSource(source, paths.size(), paths.stream().limit(LISTED).toList()));
            }
        });
        return new DesiredParameters(values, sources, overridden.stream().limit(LISTED).toList(),
                conflicts.stream().limit(LISTED).toList(), revision(values));
    }

    /** A short digest of the sorted path/value pairs. */
    static String revision(Map<String, String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(values).forEach((path, value) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
