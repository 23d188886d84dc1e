package io.cpeoperator.bridge.bulkdata;

import java.util.Locale;

/**
 * A bulk-data upload refused as a whole: nothing of it reached the twin. The message is ours (never the parser's),
 * short and safe to send back to the device.
 */
public final class BulkDataRejected extends Exception {

    /** Why an upload was refused; {@link #tag()} is the metric label. */
    public enum Reason {
        /** Not valid JSON or CSV, no Report array, a bad timestamp, a CSV row of the wrong width. */
        MALFORMED,
        /** The body, its decompressed form, the reports or the rows exceed the limits. */
        OVERSIZED,
        /** A content type, content coding, charset or report format the collector does not read. */
        UNSUPPORTED_ENCODING,
        /** No credentials, wrong credentials, or credentials that do not name a device. */
        UNAUTHENTICATED,
        /** The credentials or token belong to another device than the URI names, or name no device at all. */
        DEVICE_MISMATCH,
        /** No device holds this URL token (never issued, or revoked). */
        UNKNOWN_TOKEN,
        /** The device has no twin (not managed here, or not synced yet). */
        UNKNOWN_DEVICE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public BulkDataRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
