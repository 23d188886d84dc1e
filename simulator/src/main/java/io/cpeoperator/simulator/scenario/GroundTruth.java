package io.cpeoperator.simulator.scenario;

import java.util.List;

/**
 * What is really wrong with one device: the record QoE checks are scored against.
 *
 * @param deviceId         canonical DeviceId text ({@code cwmp:OUI-ProductClass-Serial} / {@code usp:<endpoint id>})
 * @param scenarios        scenario names; {@code ["healthy"]} for the control group
 * @param signatures       where each scenario shows in the data, in the same order
 * @param expectedFindings the finding codes a QoE analysis must raise for this device (union over its scenarios,
 *                         sorted, without duplicates); empty for a healthy device. A firmware defect's findings are
 *                         apart, in {@code firmwareDefectFindings}
 * @param firmwareDefect   the defect declared for {@code firmware}, the version the device runs, in its
 *                         command-line form ({@code reboot-loop}, {@code wifi-degraded}, {@code download-fails:30});
 *                         empty when the version is not declared bad
 * @param firmwareDefectFindings the finding codes that defect makes a QoE analysis raise once it has shown (a reboot
 *                         loop: after the third crash; Wi-Fi: at the boot into the version), limited to what the
 *                         model's data model can show; sorted, empty for none
 * @param accessNode       the OLT / DSLAM the device hangs off ({@code olt-3}, {@code dslam-5}); empty when unknown
 */
public record GroundTruth(String deviceId, String transport, String manufacturer, String model, String firmware,
                          String dataModelRoot, List<String> scenarios, List<String> signatures,
                          List<String> expectedFindings, String firmwareDefect, List<String> firmwareDefectFindings,
                          String accessNode) {

    public GroundTruth {
        scenarios = List.copyOf(scenarios);
        signatures = List.copyOf(signatures);
        expectedFindings = expectedFindings.stream().distinct().sorted().toList();
        firmwareDefect = firmwareDefect == null ? "" : firmwareDefect;
        firmwareDefectFindings = firmwareDefectFindings.stream().distinct().sorted().toList();
        accessNode = accessNode == null ? "" : accessNode;
    }

    /** A device whose access node is not known. */
    public GroundTruth(String deviceId, String transport, String manufacturer, String model, String firmware,
                       String dataModelRoot, List<String> scenarios, List<String> signatures,
                       List<String> expectedFindings, String firmwareDefect, List<String> firmwareDefectFindings) {
        this(deviceId, transport, manufacturer, model, firmware, dataModelRoot, scenarios, signatures, expectedFindings,
                firmwareDefect, firmwareDefectFindings, "");
    }

    /** A device whose firmware is not declared bad. */
    public GroundTruth(String deviceId, String transport, String manufacturer, String model, String firmware,
                       String dataModelRoot, List<String> scenarios, List<String> signatures,
                       List<String> expectedFindings) {
        this(deviceId, transport, manufacturer, model, firmware, dataModelRoot, scenarios, signatures, expectedFindings,
                "", List.of(), "");
    }

    /** The control group: no scenario, and no firmware defect that shows on the device. */
    public boolean healthy() {
        return scenarios.equals(List.of(Scenario.HEALTHY.cliName())) && firmwareDefectFindings.isEmpty();
    }
}
