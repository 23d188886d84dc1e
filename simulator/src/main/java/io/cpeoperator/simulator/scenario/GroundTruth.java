package io.cpeoperator.simulator.scenario;

import java.util.List;

/**
 * What is really wrong with one device: the record QoE checks are scored against.
 *
 * @param deviceId         canonical DeviceId text ({@code cwmp:OUI-ProductClass-Serial} / {@code usp:<endpoint id>})
 * @param scenarios        scenario names; {@code ["healthy"]} for the control group
 * @param signatures       where each scenario shows in the data, in the same order
 * @param expectedFindings the finding codes a QoE analysis must raise for this device (union over its scenarios,
 *                         sorted, without duplicates); empty for a healthy device
 */
public record GroundTruth(String deviceId, String transport, String manufacturer, String model, String firmware,
                          String dataModelRoot, List<String> scenarios, List<String> signatures,
                          List<String> expectedFindings) {

    public GroundTruth {
        scenarios = List.copyOf(scenarios);
        signatures = List.copyOf(signatures);
        expectedFindings = expectedFindings.stream().distinct().sorted().toList();
    }

    public boolean healthy() {
        return scenarios.equals(List.of(Scenario.HEALTHY.cliName()));
    }
}
