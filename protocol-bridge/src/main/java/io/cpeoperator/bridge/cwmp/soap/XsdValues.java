package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.twin.ParameterType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The lexical rules of the xsd types TR-069 uses, for validating values before they are sent to a device and for
 * reading typed values that came from one.
 */
public final class XsdValues {

    private static final BigInteger UNSIGNED_LONG_MAX = new BigInteger("18446744073709551615");

    private XsdValues() {
    }

    /** True when {@code value} is a valid lexical form of {@code type}. */
    public static boolean isValid(ParameterType type, String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        return switch (type) {
            case STRING, UNKNOWN -> true;
            case INT -> inRange(v, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case UNSIGNED_INT -> inRange(v, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL));
            case LONG -> inRange(v, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case UNSIGNED_LONG -> inRange(v, BigInteger.ZERO, UNSIGNED_LONG_MAX);
            case BOOLEAN -> v.equals("true") || v.equals("false") || v.equals("1") || v.equals("0");
            case DATE_TIME -> parseDateTime(v).isPresent() || v.equals("0001-01-01T00:00:00");
            case BASE64 -> isBase64(v);
            case HEX_BINARY -> v.length() % 2 == 0 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0);
            case DECIMAL -> isDecimal(v);
        };
    }

    /** A boolean in either spelling; empty when it is neither. */
    public static Optional<Boolean> parseBoolean(String value) {
        String v = value == null ? "" : value.trim();
        return switch (v) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * A dateTime with or without offset (a missing offset is read as UTC, as devices without a clock do) and with
     * any fraction; the unknown time {@code 0001-01-01T00:00:00Z} parses to {@link Instant} year 1.
     */
    public static Optional<Instant> parseDateTime(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(OffsetDateTime.parse(v + "Z").toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static boolean inRange(String v, BigInteger min, BigInteger max) {
        if (v.isEmpty() || v.length() > 21) {
            return false;
        }
        try {
            BigInteger n = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
            return n.compareTo(min) >= 0 && n.compareTo(max) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBase64(String v) {
        try {
            Base64.getMimeDecoder().decode(v);
            return v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '='
                    || Character.isWhitespace(c));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDecimal(String v) {
        if (v.isEmpty() || v.indexOf('e') >= 0 || v.indexOf('E') >= 0) {
            return false;
        }
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
