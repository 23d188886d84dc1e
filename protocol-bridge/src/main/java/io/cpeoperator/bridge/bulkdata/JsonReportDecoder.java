package io.cpeoperator.bridge.bulkdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.cpeoperator.bridge.twin.ParameterType;

import java.io.IOException;

/**
 * Decodes TR-181 JSON bulk data: {@code {"Report": [ {...}, ... ]}}, one object per report, either format:
 * <ul>
 *   <li>NameValuePair: {@code "Device.MoCA.Interface.1.Stats.BytesSent": 25248} members;</li>
 *   <li>ObjectHierarchy: nested objects, one per path segment, instances keyed by their number
 *   ({@code "Device": {"MoCA": {"Interface": {"1": {"Stats": {"BytesSent": 25248}}}}}}).</li>
 * </ul>
 * Both are read by one rule (a member's name is appended to its parents' names with '.'), so a report mixing them
 * decodes too. {@code CollectionTime} on a report gives its time (Unix-Epoch number or digits, or ISO-8601); without
 * one the report has the receive time. Values: strings as they are, numbers as written, booleans as
 * {@code true}/{@code false}; a null or an array where a value belongs is skipped.
 *
 * <p>The streaming parser only (no data binding, so no polymorphic typing), with Jackson's stream limits set from
 * {@link BulkDataLimits}: nesting depth, name and string lengths, number length, document length.
 */
final class JsonReportDecoder {

    private static final String REPORT = "Report";
    private static final String COLLECTION_TIME = "CollectionTime";

    private final JsonFactory factory;

    JsonReportDecoder(BulkDataLimits limits) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        // names are paths (NameValuePair) or segments; strings are values: a little over the row
                        // limits, so a too-long row is skipped by the row rule instead of failing the upload
                        .maxNameLength(Math.max(1_024, 4 * limits.maxPathLength()))
                        .maxStringLength(Math.max(1_024, 4 * limits.maxValueLength()))
                        .maxNumberLength(64)
                        .maxDocumentLength(limits.maxDecodedBytes())
                        .build())
                // hostile names must not fill the JVM's string pool
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    void decode(byte[] body, ReportTimes times, RowCollector rows) throws BulkDataRejected {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("the body is not a JSON object");
            }
            boolean sawReports = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (REPORT.equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw malformed("\"Report\" is not an array");
                    }
                    reports(parser, times, rows);
                    sawReports = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw malformed("the JSON body does not end where its object ends");
            }
            if (!sawReports) {
                throw malformed("the body has no \"Report\" array");
            }
        } catch (StreamConstraintsException e) {
            throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED, "the JSON body exceeds a nesting, name, "
                    + "string or number limit");
        } catch (JsonProcessingException e) {
            throw malformed("the body is not valid JSON");
        } catch (IOException e) {
            throw malformed("the JSON body cannot be read");
        }
    }

    private static void reports(JsonParser parser, ReportTimes times, RowCollector rows)
            throws IOException, BulkDataRejected {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw malformed("a report is not a JSON object");
            }
            rows.startReport(times.receivedAt());
            members(parser, "", times, rows);
        }
    }

    /** The members of the object the parser is in, named below {@code prefix} ("" for the report itself). */
    private static void members(JsonParser parser, String prefix, ReportTimes times, RowCollector rows)
            throws IOException, BulkDataRejected {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (prefix.isEmpty() && COLLECTION_TIME.equals(name)) {
                rows.reportTime(collectionTime(parser, value, times));
                continue;
            }
            switch (value) {
                case START_OBJECT -> members(parser, prefix + name + ".", times, rows);
                case VALUE_STRING -> rows.row(prefix + name, parser.getText(), ParameterType.UNKNOWN);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> rows.row(prefix + name, parser.getText(),
                        ParameterType.UNKNOWN);
                case VALUE_TRUE -> rows.row(prefix + name, "true", ParameterType.BOOLEAN);
                case VALUE_FALSE -> rows.row(prefix + name, "false", ParameterType.BOOLEAN);
                case START_ARRAY -> {
                    parser.skipChildren();
                    rows.skip();
                }
                default -> rows.skip();
            }
        }
    }

    private static java.time.Instant collectionTime(JsonParser parser, JsonToken value, ReportTimes times)
            throws IOException, BulkDataRejected {
        return switch (value) {
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() != JsonParser.NumberType.INT
                        && parser.getNumberType() != JsonParser.NumberType.LONG) {
                    throw malformed("CollectionTime is out of range");
                }
                yield times.epochSeconds(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> times.epochSeconds(parser.getDoubleValue());
            case VALUE_STRING -> times.text(parser.getText());
            default -> {
                parser.skipChildren();
                throw malformed("CollectionTime is neither a number nor a string");
            }
        };
    }

    private static BulkDataRejected malformed(String message) {
        return new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, message);
    }
}
