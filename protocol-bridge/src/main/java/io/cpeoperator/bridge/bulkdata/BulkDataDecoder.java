package io.cpeoperator.bridge.bulkdata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one bulk-data upload body into reports: undoes the content coding within the size limits, picks JSON or
 * CSV by the media type ({@code application/json}, {@code text/csv}), checks the {@code BBF-Report-Format} against
 * it, and decodes. Pure and thread-safe; every refusal is a {@link BulkDataRejected} with its reason, and nothing
 * else escapes for any input.
 */
public final class BulkDataDecoder {

    private final BulkDataLimits limits;
    private final JsonReportDecoder json;
    private final CsvReportDecoder csv;

    public BulkDataDecoder(BulkDataLimits limits) {
        this.limits = limits;
        this.json = new JsonReportDecoder(limits);
        this.csv = new CsvReportDecoder(limits);
    }

    public BulkDataLimits limits() {
        return limits;
    }

    /**
     * @param body       the body as received (compressed if the content coding says so)
     * @param receivedAt the time of reports that carry none, and the reference for the clock-skew limit
     */
    public DecodedUpload decode(byte[] body, BulkDataContent content, Instant receivedAt) throws BulkDataRejected {
        if (body.length > limits.maxBodyBytes()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED,
                    "the body exceeds " + limits.maxBodyBytes() + " bytes");
        }
        MediaType media = MediaType.parse(content.contentType());
        Optional<ReportFormat> format = ReportFormat.fromHeader(content.reportFormat());
        if (content.reportFormat() != null && !content.reportFormat().isBlank() && format.isEmpty()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.UNSUPPORTED_ENCODING, "report format '"
                    + ContentDecoding.printable(content.reportFormat()) + "' is not supported");
        }
        if (format.isPresent() && format.get().isJson() != media.json()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.UNSUPPORTED_ENCODING, "report format "
                    + format.get().token() + " does not go with " + media.name());
        }
        byte[] decoded = ContentDecoding.decode(body, content.contentEncoding(), limits.maxDecodedBytes());
        ReportTimes times = new ReportTimes(receivedAt, limits.maxClockSkew());
        RowCollector rows = new RowCollector(limits);
        try {
            if (media.json()) {
                json.decode(decoded, times, rows);
            } else {
                csv.decode(new String(decoded, StandardCharsets.UTF_8), format.orElse(null), times, rows);
            }
        } catch (RuntimeException e) {
            // a parser bug must still end in a reasoned refusal, never in a stack trace to the device
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "the body cannot be decoded");
        }
        return rows.finish();
    }

    /** The media type and charset of a Content-Type value; only UTF-8 (and its subset US-ASCII) is read. */
    private record MediaType(String name, boolean json) {

        static MediaType parse(String contentType) throws BulkDataRejected {
            if (contentType == null || contentType.isBlank()) {
                throw unsupported("the upload has no content type (application/json or text/csv)");
            }
            String[] parts = contentType.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                int equals = parameter.indexOf('=');
                if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                    String charset = parameter.substring(equals + 1).trim().replace("\"", "");
                    if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")
                            && !charset.equalsIgnoreCase("us-ascii")) {
                        throw unsupported("charset '" + ContentDecoding.printable(charset) + "' is not supported");
                    }
                }
            }
            return switch (name) {
                case "application/json" -> new MediaType(name, true);
                case "text/csv" -> new MediaType(name, false);
                default -> throw unsupported("content type '" + ContentDecoding.printable(name)
                        + "' is not supported (application/json or text/csv)");
            };
        }

        private static BulkDataRejected unsupported(String message) {
            return new BulkDataRejected(BulkDataRejected.Reason.UNSUPPORTED_ENCODING, message);
        }
    }
}
