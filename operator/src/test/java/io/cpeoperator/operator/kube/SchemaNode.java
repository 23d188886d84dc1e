package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of an openAPIV3Schema, with the field path it validates ({@code .spec.firmware.url}, {@code [*]} for array
 * items, {@code .*} for additionalProperties values, {@code .} for the root).
 *
 * @param path   the field path
 * @param schema the node itself
 * @param typed  the node whose {@code type} applies here: the node itself, or for a node under allOf, anyOf, oneOf or
 *               not (which may not declare a type in a structural schema) the node they belong to
 * @param nested whether the node is under allOf, anyOf, oneOf or not
 */
record SchemaNode(String path, JSONSchemaProps schema, JSONSchemaProps typed, boolean nested) {

    /** Every node of the schema, the root first, depth first. */
    static List<SchemaNode> walk(JSONSchemaProps root) {
        List<SchemaNode> nodes = new ArrayList<>();
        visit("", root, root, false, nodes);
        return nodes;
    }

    /** The type that applies to this node, or "" when the schema gives none. */
    String type() {
        return typed.getType() == null ? "" : typed.getType();
    }

    private static void visit(String path, JSONSchemaProps node, JSONSchemaProps typed, boolean nested,
            List<SchemaNode> nodes) {
        nodes.add(new SchemaNode(path.isEmpty() ? "." : path, node, typed, nested));
        if (node.getProperties() != null) {
            for (Map.Entry<String, JSONSchemaProps> property : node.getProperties().entrySet()) {
                JSONSchemaProps child = property.getValue();
                JSONSchemaProps typedChild = counterpart(child, typed.getProperties(), property.getKey());
                visit(path + "." + property.getKey(), child, typedChild, nested, nodes);
            }
        }
        if (node.getItems() != null) {
            JSONSchemaProps items = node.getItems().getSchema();
            if (items != null) {
                JSONSchemaProps typedItems = typed.getItems() == null ? null : typed.getItems().getSchema();
                visit(path + "[*]", items, typedItems == null ? items : typedItems, nested, nodes);
            }
            List<JSONSchemaProps> tuple = node.getItems().getJSONSchemas();
            for (int i = 0; tuple != null && i < tuple.size(); i++) {
                visit(path + "[" + i + "]", tuple.get(i), tuple.get(i), nested, nodes);
            }
        }
        if (node.getAdditionalProperties() != null && node.getAdditionalProperties().getSchema() != null) {
            JSONSchemaProps values = node.getAdditionalProperties().getSchema();
            JSONSchemaProps typedValues = typed.getAdditionalProperties() == null ? null
                    : typed.getAdditionalProperties().getSchema();
            visit(path + ".*", values, typedValues == null ? values : typedValues, nested, nodes);
        }
        junctors(path, "allOf", node.getAllOf(), typed, nodes);
        junctors(path, "anyOf", node.getAnyOf(), typed, nodes);
        junctors(path, "oneOf", node.getOneOf(), typed, nodes);
        if (node.getNot() != null) {
            visit(path + "(not)", node.getNot(), typed, true, nodes);
        }
    }

    /** Under a junctor, a property is typed by the property of the same name on the node the junctor belongs to. */
    private static JSONSchemaProps counterpart(JSONSchemaProps child, Map<String, JSONSchemaProps> typedProperties,
            String name) {
        JSONSchemaProps typed = typedProperties == null ? null : typedProperties.get(name);
        return typed == null ? child : typed;
    }

    private static void junctors(String path, String name, List<JSONSchemaProps> schemas, JSONSchemaProps typed,
            List<SchemaNode> nodes) {
        for (int i = 0; schemas != null && i < schemas.size(); i++) {
            visit(path + "(" + name + "[" + i + "])", schemas.get(i), typed, true, nodes);
        }
    }
}
