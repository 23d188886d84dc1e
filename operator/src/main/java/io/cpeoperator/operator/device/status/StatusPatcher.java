package io.cpeoperator.operator.device.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a CpeDevice's status as a small JSON Patch (RFC 6902) of the status subresource: one operation per
 * top-level status field that changed ({@code summary}, {@code conditions}, ...), or one that adds the whole status
 * when there is none yet. JSON Patch rather than a merge patch: lists such as {@code conditions} must be replaced,
 * and the embedded API server merges lists in merge patches. No resourceVersion: this reconciler is the only writer
 * of status.
 */
public final class StatusPatcher {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesClient client;

    public StatusPatcher(KubernetesClient client) {
        this.client = client;
    }

    public void patch(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next) {
        // a status this operator wrote always has observedGeneration; anything else is an empty placeholder
        boolean nothingStored = stored == null || stored.getObservedGeneration() == null;
        ArrayNode operations = operations(nothingStored ? null : MaterialStatus.full(stored),
                MaterialStatus.full(next));
        if (operations.isEmpty()) {
            return;
        }
        if (nothingStored) {
            // nothing to patch against (the embedded API cannot apply a JSON Patch to a missing status): write it
            CpeDevice copy = new CpeDevice();
            copy.setMetadata(new ObjectMetaBuilder().withName(device.getMetadata().getName())
                    .withNamespace(device.getMetadata().getNamespace()).build());
            copy.setSpec(device.getSpec());
            copy.setStatus(next);
            client.resource(copy).updateStatus();
            return;
        }
        client.resources(CpeDevice.class).inNamespace(device.getMetadata().getNamespace())
                .withName(device.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), JSON.asJson(operations));
    }

    /** The operations turning status {@code from} (null: none stored) into {@code to}. */
    static ArrayNode operations(JsonNode from, JsonNode to) {
        ArrayNode operations = JsonNodeFactory.instance.arrayNode();
        if (from == null || !from.isObject()) {
            operations.add(operation("add", "/status", to));
            return operations;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = to.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(from.get(field.getKey()))) {
                operations.add(operation("add", "/status/" + field.getKey(), field.getValue()));
            }
        }
        Iterator<String> names = from.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!to.has(name)) {
                operations.add(operation("remove", "/status/" + name, null));
            }
        }
        return operations;
    }

    private static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = JsonNodeFactory.instance.objectNode();
        operation.put("op", op);
        operation.put("path", path);
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }
}
