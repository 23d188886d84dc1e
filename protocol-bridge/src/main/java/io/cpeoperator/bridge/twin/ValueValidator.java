package io.cpeoperator.bridge.twin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a value against a TR-069 / TR-369 parameter type before it is sent to a device, and decides whether two
 * values of a type mean the same ("1" and "true" for a boolean), so a diff does not resend what the device has.
 */
public final class ValueValidator {

    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ValueValidator() {
    }

    /** What is wrong with {@code value} for {@code type}; empty when it fits. */
    public static Optional<String> problem(ParameterType type, String value) {
        if (value == null) {
            return Optional.of("the value is missing");
        }
        return Optional.ofNullable(switch (type) {
            case INT -> integerProblem(value, BigInteger.valueOf(Integer.MIN_VALUE),
                    BigInteger.valueOf(Integer.MAX_VALUE), "an int (-2147483648 to 2147483647)");
            case UNSIGNED_INT -> integerProblem(value, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL),
                    "an unsignedInt (0 to 4294967295)");
            case LONG -> integerProblem(value, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE),
                    "a long");
            case UNSIGNED_LONG -> integerProblem(value, BigInteger.ZERO, UNSIGNED_LONG_MAX,
                    "an unsignedLong (0 to 18446744073709551615)");
            case BOOLEAN -> booleanValue(value) == null
                    ? "'" + shorten(value) + "' is not a boolean; use true, false, 1 or 0" : null;
            case DATE_TIME -> isDateTime(value)
                    ? null : "'" + shorten(value) + "' is not a dateTime; use ISO 8601, e.g. 2026-01-31T12:00:00Z";
            case BASE64 -> isBase64(value) ? null : "'" + shorten(value) + "' is not base64";
            case HEX_BINARY -> isHex(value) ? null : "'" + shorten(value) + "' is not hexBinary (pairs of hex digits)";
            case DECIMAL -> isDecimal(value) ? null : "'" + shorten(value) + "' is not a decimal number";
            case STRING, UNKNOWN -> null;
        });
    }

    /** True when both values mean the same for {@code type}. */
    public static boolean sameValue(ParameterType type, String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        return switch (type) {
            case BOOLEAN -> booleanValue(a) != null && booleanValue(a).equals(booleanValue(b));
            case INT, UNSIGNED_INT, LONG, UNSIGNED_LONG -> sameInteger(a, b);
            default -> false;
        };
    }

    private static String integerProblem(String value, BigInteger min, BigInteger max, String what) {
        BigInteger number = integer(value);
        if (number == null) {
            return "'" + shorten(value) + "' is not " + what;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return value + " is out of range for " + what;
        }
        return null;
    }

    private static BigInteger integer(String value) {
        if (value.isEmpty() || value.length() > 40) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean sign = i == 0 && (c == '-' || c == '+') && value.length() > 1;
            if (!sign && (c < '0' || c > '9')) {
                return null;
            }
        }
        return new BigInteger(value);
    }

    private static boolean sameInteger(String a, String b) {
        BigInteger x = integer(a);
        BigInteger y = integer(b);
        return x != null && x.equals(y);
    }

    /** The xsd:boolean lexical space is exactly these four (case-sensitive). */
    private static Boolean booleanValue(String value) {
        return switch (value) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean isDateTime(String value) {
        if (value.length() > 64) {
            return false;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                // TR-069 allows a dateTime without a time zone (local time of the device)
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHex(String value) {
        if (value.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String value) {
        if (value.isEmpty() || value.length() > 64) {
            return false;
        }
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
