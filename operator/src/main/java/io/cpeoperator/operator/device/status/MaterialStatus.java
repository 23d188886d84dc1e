package io.cpeoperator.operator.device.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;

/**
 * Splits a status into what is material (conditions, identity and versions, boot time, WAN address, config, firmware,
 * actions, the QoE grade and finding codes: what an SRE or a fleet acts on) and telemetry that moves all the time (last contact, CPU, memory,
 * temperature, radio load and clients, host count, parameter count). Material changes are written soon; telemetry
 * alone only rides along, or refreshes at a slow pace.
 */
public final class MaterialStatus {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    static final List<String> VOLATILE_SUMMARY_FIELDS =
            List.of("lastContact", "cpuPercent", "memoryPercent", "temperatureCelsius", "hostCount");
    static final List<String> VOLATILE_RADIO_FIELDS = List.of("utilizationPercent", "noiseDbm", "clients");
    /** A score moving by a point, new numbers in the report: telemetry. The grade and the findings' codes are not. */
    static final List<String> VOLATILE_QOE_FIELDS =
            List.of("score", "factors", "notAssessed", "report", "evaluatedAt");

    private MaterialStatus() {
    }

    /** The status as JSON without its telemetry fields. */
    public static JsonNode materialPart(CpeDeviceStatus status) {
        JsonNode node = full(status);
        if (node instanceof ObjectNode object) {
            if (object.get("summary") instanceof ObjectNode summary) {
                summary.remove(VOLATILE_SUMMARY_FIELDS);
                if (summary.get("radios") != null) {
                    summary.get("radios").forEach(radio -> {
                        if (radio instanceof ObjectNode radioObject) {
                            radioObject.remove(VOLATILE_RADIO_FIELDS);
                        }
                    });
                }
            }
            if (object.get("twin") instanceof ObjectNode twin) {
                twin.remove("parameterCount");
            }
            if (object.get("qoe") instanceof ObjectNode qoe) {
                qoe.remove(VOLATILE_QOE_FIELDS);
                if (qoe.get("findings") != null) {
                    qoe.get("findings").forEach(finding -> {
                        if (finding instanceof ObjectNode findingObject) {
                            findingObject.retain("code", "severity");
                        }
                    });
                }
            }
        }
        return node;
    }

    public static JsonNode full(CpeDeviceStatus status) {
        return status == null ? JSON.convertValue(new CpeDeviceStatus(), JsonNode.class)
                : JSON.convertValue(status, JsonNode.class);
    }
}
