package io.cpeoperator.bridge.bulkdata;

/**
 * How an upload's body is encoded, as its transport says: HTTP headers, MQTT 5 properties, or a USP profile's
 * configuration.
 *
 * @param contentType     e.g. {@code application/json; charset=UTF-8} or {@code text/csv; charset=UTF-8;
 *                        header=present}; required
 * @param contentEncoding {@code gzip}, {@code deflate}, {@code identity} or null
 * @param reportFormat    the {@code BBF-Report-Format} value, or null: the decoder then reads the format from the
 *                        body (JSON reports are read alike in both formats; a CSV header says which layout it is)
 */
public record BulkDataContent(String contentType, String contentEncoding, String reportFormat) {

    public static BulkDataContent json() {
        return new BulkDataContent("application/json; charset=UTF-8", null, null);
    }

    public static BulkDataContent csv() {
        return new BulkDataContent("text/csv; charset=UTF-8; header=present", null, null);
    }

    public BulkDataContent withEncoding(String encoding) {
        return new BulkDataContent(contentType, encoding, reportFormat);
    }

    public BulkDataContent withReportFormat(String format) {
        return new BulkDataContent(contentType, contentEncoding, format);
    }
}
