package io.cpeoperator.bridge.bulkdata;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Report timestamps as TR-181 profiles send them: {@code Unix-Epoch} (seconds, a JSON number or CSV digits),
 * {@code ISO-8601} (with an offset; without one it is taken as UTC), or {@code None} (no timestamp: the receive
 * time). A time further than the allowed clock skew in the future is taken as the receive time.
 */
final class ReportTimes {

    /** Longer than any ISO-8601 date-time with fractions and offset. */
    private static final int MAX_TEXT = 40;

    private final Instant receivedAt;
    private final Instant latest;

    ReportTimes(Instant receivedAt, Duration maxClockSkew) {
        this.receivedAt = receivedAt;
        this.latest = receivedAt.plus(maxClockSkew);
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Instant epochSeconds(long seconds) throws BulkDataRejected {
        if (seconds < 0 || seconds > 253_402_300_799L) {
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "report timestamp out of range");
        }
        return clamp(Instant.ofEpochSecond(seconds));
    }

    Instant epochSeconds(double seconds) throws BulkDataRejected {
        if (!Double.isFinite(seconds)) {
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "report timestamp out of range");
        }
        return epochSeconds((long) Math.floor(seconds));
    }

    /** Unix-Epoch digits or an ISO-8601 date-time. */
    Instant text(String text) throws BulkDataRejected {
        String value = text.trim();
        if (value.isEmpty() || value.length() > MAX_TEXT) {
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "report timestamp is not a time");
        }
        if (allDigits(value)) {
            return value.length() > 12 ? epochSeconds(-1) : epochSeconds(Long.parseLong(value));
        }
        try {
            return clamp(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException withoutOffset) {
            try {
                return clamp(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "report timestamp is not a time");
            }
        }
    }

    private Instant clamp(Instant at) {
        return at.isAfter(latest) ? receivedAt : at;
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
