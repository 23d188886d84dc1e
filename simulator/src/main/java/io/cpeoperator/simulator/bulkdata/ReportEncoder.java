package io.cpeoperator.simulator.bulkdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpeoperator.bridge.twin.ParameterType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes collections as TR-181 BulkData report bodies: JSON ({@code {"Report":[{...}, ...]}}, NameValuePair or
 * ObjectHierarchy) or CSV (ParameterPerRow or ParameterPerColumn), with the profile's timestamp form. Several
 * collections (retained failed reports plus the new one) go into one body, oldest first.
 */
final class ReportEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportEncoder() {
    }

    /** An encoded body with what the HTTP headers say about it. */
    record Encoded(String body, String contentType, String reportFormat) {
    }

    static Encoded encode(ProfileSettings profile, List<ReportCollector.Collection> collections) {
        if ("CSV".equals(profile.encoding())) {
            ProfileSettings.Csv csv = profile.csv();
            boolean perRow = "ParameterPerRow".equals(csv.format());
            return new Encoded(perRow ? csvPerRow(csv, collections) : csvPerColumn(csv, collections),
                    "text/csv; charset=UTF-8", perRow ? "ParameterPerRow" : "ParameterPerColumn");
        }
        boolean hierarchy = "ObjectHierarchy".equals(profile.jsonFormat());
        return new Encoded(json(collections, hierarchy, profile.jsonTimestamp()), "application/json; charset=UTF-8",
                hierarchy ? "ObjectHierarchy" : "NameValuePair");
    }

    static String json(List<ReportCollector.Collection> collections, boolean hierarchy, String timestamp) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode reports = root.putArray("Report");
        for (ReportCollector.Collection collection : collections) {
            ObjectNode report = reports.addObject();
            switch (timestamp) {
                case "None" -> { }
                case "ISO-8601" -> report.put("CollectionTime", Instant.ofEpochMilli(collection.timeMillis()).toString());
                default -> report.put("CollectionTime", collection.timeMillis() / 1000);
            }
            for (ReportCollector.Sample sample : collection.samples()) {
                if (hierarchy) {
                    String[] segments = sample.name().split("\\.");
                    ObjectNode node = report;
                    for (int i = 0; i < segments.length - 1; i++) {
                        node = node.get(segments[i]) instanceof ObjectNode child ? child : node.putObject(segments[i]);
                    }
                    putTyped(node, segments[segments.length - 1], sample);
                } else {
                    putTyped(report, sample.name(), sample);
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Numbers and booleans as JSON numbers and booleans, as TR-181's examples show; everything else as text. */
    private static void putTyped(ObjectNode node, String field, ReportCollector.Sample sample) {
        String value = sample.value();
        try {
            switch (sample.type()) {
                case INT, UNSIGNED_INT, LONG, UNSIGNED_LONG -> node.put(field, new BigDecimal(value).toBigIntegerExact());
                case DECIMAL -> node.put(field, new BigDecimal(value));
                case BOOLEAN -> node.put(field, Boolean.parseBoolean(value) || "1".equals(value));
                default -> node.put(field, value);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            node.put(field, value);
        }
    }

    private static String csvPerRow(ProfileSettings.Csv csv, List<ReportCollector.Collection> collections) {
        boolean stamped = !"None".equals(csv.timestamp());
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        if (stamped) {
            header.add("ReportTimestamp");
        }
        header.addAll(List.of("ParameterName", "ParameterValue", "ParameterType"));
        row(out, csv, header);
        for (ReportCollector.Collection collection : collections) {
            for (ReportCollector.Sample sample : collection.samples()) {
                List<String> fields = new ArrayList<>(4);
                if (stamped) {
                    fields.add(timestamp(csv.timestamp(), collection.timeMillis()));
                }
                fields.add(sample.name());
                fields.add(sample.value());
                fields.add(typeName(sample.type()));
                row(out, csv, fields);
            }
        }
        return out.toString();
    }

    private static String csvPerColumn(ProfileSettings.Csv csv, List<ReportCollector.Collection> collections) {
        boolean stamped = !"None".equals(csv.timestamp());
        Set<String> names = new LinkedHashSet<>();
        collections.forEach(c -> c.samples().forEach(s -> names.add(s.name())));
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        if (stamped) {
            header.add("ReportTimestamp");
        }
        header.addAll(names);
        row(out, csv, header);
        for (ReportCollector.Collection collection : collections) {
            List<String> fields = new ArrayList<>();
            if (stamped) {
                fields.add(timestamp(csv.timestamp(), collection.timeMillis()));
            }
            for (String name : names) {
                fields.add(collection.samples().stream().filter(s -> s.name().equals(name)).map(ReportCollector.Sample::value)
                        .findFirst().orElse(""));
            }
            row(out, csv, fields);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, ProfileSettings.Csv csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(csv.fieldSeparator());
            }
            out.append(escaped(csv, fields.get(i)));
        }
        out.append(csv.rowSeparator());
    }

    private static String escaped(ProfileSettings.Csv csv, String field) {
        String quote = csv.escape();
        boolean special = field.contains(csv.fieldSeparator()) || field.contains("\n") || field.contains("\r")
                || (!quote.isEmpty() && field.contains(quote));
        if (!special || quote.isEmpty()) {
            return field;
        }
        return quote + field.replace(quote, quote + quote) + quote;
    }

    private static String timestamp(String form, long millis) {
        return "ISO-8601".equals(form) ? Instant.ofEpochMilli(millis).toString() : Long.toString(millis / 1000);
    }

    /** The xsd type without its prefix ({@code unsignedInt}), as TR-181's CSV examples name it. */
    private static String typeName(ParameterType type) {
        String xsd = type.xsdName();
        return xsd.substring(xsd.indexOf(':') + 1);
    }
}
