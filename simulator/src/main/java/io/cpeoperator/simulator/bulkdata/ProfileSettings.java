package io.cpeoperator.simulator.bulkdata;

import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code BulkData.Profile.{i}.} as configured on the device right now.
 *
 * @param path          e.g. {@code Device.BulkData.Profile.3.}
 * @param timeReference simulated epoch millis reports are aligned to, or null when unset (0001-01-01)
 * @param parameters    the {@code Parameter.{i}.} rows, in instance order
 * @param uriParameters the {@code HTTP.RequestURIParameter.{i}.} rows, in instance order
 */
public record ProfileSettings(String path, boolean enabled, String alias, String protocol, String encoding,
                              long intervalSeconds, Long timeReference, int retainedFailedReports,
                              List<Reference> parameters, List<Reference> uriParameters, Http http,
                              String jsonFormat, String jsonTimestamp, Csv csv) {

    public static final String HTTP = "HTTP";
    public static final String USP_EVENT = "USPEventNotif";
    /** The most failed reports kept for the next attempt, whatever the profile asks. */
    static final int RETAIN_LIMIT = 16;

    /** A Name / Reference pair ({@code Parameter.{i}.} or {@code HTTP.RequestURIParameter.{i}.}). */
    public record Reference(String name, String reference) {
    }

    public record Http(String url, String username, String password, boolean gzip, boolean useDateHeader) {
    }

    /** CSV settings with TR-181's XML-escaped separators already decoded. */
    public record Csv(String fieldSeparator, String rowSeparator, String escape, String format, String timestamp) {
    }

    static ProfileSettings read(VirtualDevice device, String path) {
        long interval = parseLong(value(device, path + "ReportingInterval"), 86_400);
        int retained = (int) parseLong(value(device, path + "NumberOfRetainedFailedReports"), 0);
        return new ProfileSettings(path, "true".equals(value(device, path + "Enable")), value(device, path + "Alias"),
                value(device, path + "Protocol"), value(device, path + "EncodingType"), Math.max(1, interval),
                time(value(device, path + "TimeReference")), retained < 0 ? RETAIN_LIMIT : Math.min(retained, RETAIN_LIMIT),
                references(device, path + "Parameter."), references(device, path + "HTTP.RequestURIParameter."),
                new Http(value(device, path + "HTTP.URL"), value(device, path + "HTTP.Username"),
                        value(device, path + "HTTP.Password"), "GZIP".equals(value(device, path + "HTTP.Compression")),
                        !"false".equals(value(device, path + "HTTP.UseDateHeader"))),
                value(device, path + "JSONEncoding.ReportFormat"), value(device, path + "JSONEncoding.ReportTimestamp"),
                new Csv(unescape(value(device, path + "CSVEncoding.FieldSeparator"), ","),
                        unescape(value(device, path + "CSVEncoding.RowSeparator"), "\r\n"),
                        unescape(value(device, path + "CSVEncoding.EscapeCharacter"), ""),
                        value(device, path + "CSVEncoding.ReportFormat"), value(device, path + "CSVEncoding.ReportTimestamp")));
    }

    /** Whether two readings schedule reports the same way (a change restarts the profile's schedule). */
    boolean sameSchedule(ProfileSettings other) {
        return other != null && intervalSeconds == other.intervalSeconds
                && java.util.Objects.equals(timeReference, other.timeReference);
    }

    private static List<Reference> references(VirtualDevice device, String table) {
        List<Reference> rows = new ArrayList<>();
        for (Integer number : DataModelReader.instanceNumbers(device, table)) {
            String row = table + number + ".";
            String reference = value(device, row + "Reference");
            if (!reference.isEmpty()) {
                rows.add(new Reference(value(device, row + "Name"), reference));
            }
        }
        return rows;
    }

    private static String value(VirtualDevice device, String path) {
        String value = DataModelReader.internalValue(device, path);
        return value == null ? "" : value;
    }

    private static Long time(String value) {
        if (value.isEmpty() || value.startsWith("0001-")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.length() == 19 ? value + "Z" : value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** TR-181 gives separators XML-escaped: {@code &#13;&#10;} is CR LF, {@code &quot;} a double quote. */
    static String unescape(String value, String fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        return value.replace("&#13;", "\r").replace("&#10;", "\n").replace("&quot;", "\"").replace("&#44;", ",")
                .replace("&#9;", "\t").replace("&amp;", "&");
    }
}
