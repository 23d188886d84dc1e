package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.twin.ParameterType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes TR-181 CSV bulk data (RFC 4180: field separator {@code ,}, rows ended by CRLF or LF, {@code "} quotes
 * with {@code ""} for a quote inside). The header row, which TR-369 requires, says the layout:
 * <ul>
 *   <li>ParameterPerRow: {@code [ReportTimestamp,]ParameterName,ParameterValue[,ParameterType]}, one parameter per
 *   row; consecutive rows of one timestamp form one report (retained failed reports follow without a header);</li>
 *   <li>ParameterPerColumn: {@code [ReportTimestamp,]<name>,<name>,...}, one report per row.</li>
 * </ul>
 * Without a ReportTimestamp column (profile timestamp {@code None}) everything has the receive time. Every row must
 * have as many fields as the header; names and timestamps are trimmed, values are kept as sent.
 */
final class CsvReportDecoder {

    private static final String TIMESTAMP = "reporttimestamp";
    private static final String NAME = "parametername";
    private static final String VALUE = "parametervalue";
    private static final String TYPE = "parametertype";

    private final BulkDataLimits limits;

    CsvReportDecoder(BulkDataLimits limits) {
        this.limits = limits;
    }

    void decode(String text, ReportFormat declared, ReportTimes times, RowCollector rows) throws BulkDataRejected {
        CsvReader reader = new CsvReader(text, limits.maxRows() + 1);
        List<String> header = reader.next();
        while (header != null && isBlank(header)) {
            header = reader.next();
        }
        if (header == null) {
            throw malformed("the CSV body has no header row");
        }
        List<String> names = new ArrayList<>(header.size());
        for (String field : header) {
            names.add(field.trim());
        }
        List<String> lower = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        boolean perRow = lower.contains(NAME) && lower.contains(VALUE);
        if (declared == ReportFormat.PARAMETER_PER_ROW && !perRow) {
            throw malformed("ParameterPerRow needs ParameterName and ParameterValue columns");
        }
        if (declared == ReportFormat.PARAMETER_PER_COLUMN && perRow) {
            throw malformed("a ParameterPerColumn header names ParameterName and ParameterValue columns");
        }
        if (perRow) {
            perRow(reader, header, lower, times, rows);
        } else {
            perColumn(reader, header, names, lower, times, rows);
        }
    }

    private static void perRow(CsvReader reader, List<String> header, List<String> lower, ReportTimes times,
                               RowCollector rows) throws BulkDataRejected {
        int timestamp = lower.indexOf(TIMESTAMP);
        int name = lower.indexOf(NAME);
        int value = lower.indexOf(VALUE);
        int type = lower.indexOf(TYPE);
        String lastTime = null;
        boolean started = false;
        List<String> fields;
        while ((fields = reader.next()) != null) {
            if (isBlank(fields) || fields.equals(header)) {
                continue;
            }
            requireWidth(fields, header.size());
            String time = timestamp < 0 ? null : fields.get(timestamp).trim();
            if (!started || (time != null && !time.equals(lastTime))) {
                rows.startReport(time == null ? times.receivedAt() : times.text(time));
                lastTime = time;
                started = true;
            }
            rows.row(fields.get(name).trim(), fields.get(value),
                    type < 0 ? ParameterType.UNKNOWN : ParameterType.fromXsd(fields.get(type)));
        }
    }

    private static void perColumn(CsvReader reader, List<String> header, List<String> names, List<String> lower,
                                  ReportTimes times, RowCollector rows) throws BulkDataRejected {
        int timestamp = lower.isEmpty() || !lower.get(0).equals(TIMESTAMP) ? -1 : 0;
        List<String> fields;
        while ((fields = reader.next()) != null) {
            if (isBlank(fields) || fields.equals(header)) {
                continue;
            }
            requireWidth(fields, header.size());
            rows.startReport(timestamp < 0 ? times.receivedAt() : times.text(fields.get(timestamp)));
            for (int i = timestamp + 1; i < fields.size(); i++) {
                rows.row(names.get(i), fields.get(i), ParameterType.UNKNOWN);
            }
        }
    }

    private static void requireWidth(List<String> fields, int width) throws BulkDataRejected {
        if (fields.size() != width) {
            throw malformed("a CSV row has " + fields.size() + " fields where the header has " + width);
        }
    }

    private static boolean isBlank(List<String> fields) {
        return fields.size() == 1 && fields.get(0).isBlank();
    }

    private static BulkDataRejected malformed(String message) {
        return new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, message);
    }

    /** RFC 4180 records, one at a time, with a bound on fields per record. */
    static final class CsvReader {
        private final String text;
        private final int maxFields;
        private int position;

        CsvReader(String text, int maxFields) {
            this.text = text;
            this.maxFields = maxFields;
        }

        /** The next record's fields, or null at the end. */
        List<String> next() throws BulkDataRejected {
            if (position >= text.length()) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (position >= text.length()) {
                    fields.add(field.toString());
                    return fields;
                }
                char c = text.charAt(position++);
                if (c == '"' && field.isEmpty()) {
                    quoted(field);
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    if (fields.size() >= maxFields) {
                        throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED,
                                "a CSV row has more than " + maxFields + " fields");
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(c);
                }
            }
        }

        /** A quoted field after its opening quote; what follows the closing quote up to a separator is kept too. */
        private void quoted(StringBuilder field) throws BulkDataRejected {
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c != '"') {
                    field.append(c);
                } else if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else {
                    return;
                }
            }
            throw malformed("a quoted CSV field is not closed");
        }
    }
}
