package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.ConfigSource;
import io.cpeoperator.api.v1alpha1.ParameterConflict;

import java.util.List;
import java.util.Map;

/**
 * The parameters a device should hold: its own {@code spec.parameters} over those of the fleets that select it.
 *
 * @param values     path to value, conflicting paths left out
 * @param sources    where the values come from, device first, then fleets by name
 * @param overridden fleet paths the device's own values override
 * @param conflicts  paths fleets disagree on (not in {@code values})
 * @param revision   a digest of {@code values}: equal revisions mean equal desired parameters
 */
public record DesiredParameters(Map<String, String> values, List<ConfigSource> sources, List<String> overridden,
                                List<ParameterConflict> conflicts, String revision) {

    public static final String DEVICE_SOURCE = "spec.parameters";
    private static final String FLEET_SOURCE_PREFIX = "CpeFleet/";

    public DesiredParameters {
        values = Map.copyOf(values);
        sources = List.copyOf(sources);
        overridden = List.copyOf(overridden);
        conflicts = List.copyOf(conflicts);
    }

    /** Nothing to apply and nothing to report. */
    public boolean isEmpty() {
        return values.isEmpty() && conflicts.isEmpty();
    }

    /** The source name of a fleet, as status.config.sources and status.firmware.source write it. */
    public static String fleetSource(String fleetName) {
        return FLEET_SOURCE_PREFIX + fleetName;
    }

    /** True for a source {@link #fleetSource} made. */
    public static boolean isFleetSource(String source) {
        return source != null && source.startsWith(FLEET_SOURCE_PREFIX);
    }
}
