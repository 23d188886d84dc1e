package io.cpeoperator.operator.kube;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL type the API server gives {@code self} at each node of a structural schema, in the way of Kubernetes'
 * schema-to-CEL mapping: an object with properties is a struct whose fields are its properties (so a misspelt field
 * does not compile), additionalProperties is {@code map(string, V)}, an array {@code list(T)}, integer {@code int},
 * number {@code double}, a string {@code string} (or timestamp, duration, bytes by its format), int-or-string and
 * preserved unknown fields {@code dyn}. The root object also has apiVersion, kind and metadata.name/generateName.
 */
final class SchemaCelTypes implements CelTypeProvider {

    private final Map<JSONSchemaProps, CelType> byNode = new IdentityHashMap<>();
    private final Map<String, CelType> structs = new LinkedHashMap<>();

    SchemaCelTypes(JSONSchemaProps root) {
        typeOf(root, "schema", true);
    }

    /** The type of {@code self} for a rule on this node (a node of the schema this was made from). */
    CelType selfType(JSONSchemaProps node) {
        CelType type = byNode.get(node);
        if (type == null) {
            throw new IllegalArgumentException("not a node of this schema");
        }
        return type;
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }

    private CelType typeOf(JSONSchemaProps node, String name, boolean root) {
        CelType type;
        if (Boolean.TRUE.equals(node.getXKubernetesIntOrString())) {
            type = SimpleType.DYN;
        } else {
            type = switch (node.getType() == null ? "" : node.getType()) {
                case "string" -> stringType(node.getFormat());
                case "integer" -> SimpleType.INT;
                case "number" -> SimpleType.DOUBLE;
                case "boolean" -> SimpleType.BOOL;
                case "array" -> ListType.create(node.getItems() == null || node.getItems().getSchema() == null
                        ? SimpleType.DYN : typeOf(node.getItems().getSchema(), name + "[*]", false));
                case "object" -> objectType(node, name, root);
                default -> SimpleType.DYN;
            };
        }
        byNode.put(node, type);
        return type;
    }

    private CelType objectType(JSONSchemaProps node, String name, boolean root) {
        boolean embedded = root || Boolean.TRUE.equals(node.getXKubernetesEmbeddedResource());
        boolean hasProperties = node.getProperties() != null && !node.getProperties().isEmpty();
        if (!hasProperties && !embedded) {
            if (node.getAdditionalProperties() != null && node.getAdditionalProperties().getSchema() != null) {
                return MapType.create(SimpleType.STRING,
                        typeOf(node.getAdditionalProperties().getSchema(), name + ".*", false));
            }
            if (Boolean.TRUE.equals(node.getXKubernetesPreserveUnknownFields())) {
                return SimpleType.DYN;
            }
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        if (embedded) {
            fields.put("apiVersion", SimpleType.STRING);
            fields.put("kind", SimpleType.STRING);
            fields.put("metadata", struct(name + ".metadata",
                    Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING)));
        }
        if (hasProperties) {
            node.getProperties().forEach((field, child) -> fields.put(field, typeOf(child, name + "." + field, false)));
        }
        return struct(name, fields);
    }

    private CelType struct(String name, Map<String, CelType> fields) {
        Map<String, CelType> copy = Map.copyOf(fields);
        StructType type = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
                field -> Optional.ofNullable(copy.get(field)));
        structs.put(name, type);
        return type;
    }

    private static CelType stringType(String format) {
        return switch (format == null ? "" : format) {
            case "byte" -> SimpleType.BYTES;
            case "duration" -> SimpleType.DURATION;
            case "date", "date-time" -> SimpleType.TIMESTAMP;
            default -> SimpleType.STRING;
        };
    }
}
