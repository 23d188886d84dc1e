package io.cpeoperator.simulator.scenario;

import java.util.List;

/**
 * What is really wrong with one device: the record QoE checks are scored against.
 *
 * @param deviceId   canonical DeviceId text ({@code cwmp:OUI-ProductClass-Serial} / {@code usp:<endpoint id>})
 * @param scenarios  scenario names; {@code ["healthy"]} for the control group
 * @param signatures where each scenario shows in the data, in the same order
 */
public record GroundTruth(String deviceId, String transport, String manufacturer, String model, String firmware,
                          String dataModelRoot, List<String> scenarios, List<String> signatures) {

    public GroundTruth {
        scenarios = List.copyOf(scenarios);
        signatures = List.copyOf(signatures);
    }

    public boolean healthy() {
        return scenarios.equals(List.of(Scenario.HEALTHY.cliName()));
    }
}
