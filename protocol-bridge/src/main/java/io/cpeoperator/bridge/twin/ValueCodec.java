package io.cpeoperator.bridge.twin;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Packs the common shapes of parameter values into one {@code long} without losing a character: the twin must give
 * back the string exactly as the device sent it, so a shape is used only when unpacking reproduces the input.
 * Everything else goes to the per-device {@link StringArena}.
 *
 * <p>Shapes, chosen from what a TR-181 tree is made of: canonical decimals (counters, ints, "0"/"1"), ASCII strings of
 * up to 8 characters ("true", "Up", "Enabled"), {@code yyyy-MM-ddTHH:mm:ssZ} times, MAC addresses in one case,
 * dotted-quad IPv4 addresses.
 */
final class ValueCodec {

    /** Marks an object instance entry: no value. */
    static final int OBJECT = 0;
    static final int INLINE_ASCII = 1;
    static final int DECIMAL = 2;
    static final int DATE_TIME = 3;
    static final int MAC_LOWER = 4;
    static final int MAC_UPPER = 5;
    static final int IPV4 = 6;
    /** The value is in the arena: see {@link StringArena#ref}. */
    static final int ARENA = 7;

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private ValueCodec() {
    }

    /** The compact shape for {@code s}, or {@link #ARENA} when none reproduces it exactly. */
    static int encodingOf(String s) {
        int n = s.length();
        if (n <= 20 && isCanonicalDecimal(s)) {
            return DECIMAL;
        }
        if (n <= 8 && isAscii(s)) {
            return INLINE_ASCII;
        }
        if (n == 20 && dateTimeSeconds(s) != Long.MIN_VALUE) {
            return DATE_TIME;
        }
        if (n == 17) {
            int macCase = macCase(s);
            if (macCase != 0) {
                return macCase > 0 ? MAC_UPPER : MAC_LOWER;
            }
        }
        if (n >= 7 && n <= 15 && ipv4(s) >= 0) {
            return IPV4;
        }
        return ARENA;
    }

    /** Packs {@code s} in the shape {@link #encodingOf} chose; not for {@link #ARENA}. */
    static long pack(int encoding, String s) {
        return switch (encoding) {
            case INLINE_ASCII -> packAscii(s);
            case DECIMAL -> Long.parseLong(s);
            case DATE_TIME -> dateTimeSeconds(s);
            case MAC_LOWER, MAC_UPPER -> packMac(s);
            case IPV4 -> ipv4(s);
            default -> throw new IllegalArgumentException("encoding " + encoding + " is not packed inline");
        };
    }

    /** The string a packed value stands for; {@code inlineLength} is used by {@link #INLINE_ASCII} only. */
    static String unpack(int encoding, int inlineLength, long packed) {
        return switch (encoding) {
            case INLINE_ASCII -> unpackAscii(packed, inlineLength);
            case DECIMAL -> Long.toString(packed);
            case DATE_TIME -> formatDateTime(packed);
            case MAC_LOWER -> formatMac(packed, HEX_LOWER);
            case MAC_UPPER -> formatMac(packed, HEX_UPPER);
            case IPV4 -> formatIpv4(packed);
            default -> throw new IllegalArgumentException("encoding " + encoding + " is not packed inline");
        };
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** "-?(0|[1-9][0-9]*)" within the long range, and not "-0": exactly what {@link Long#toString} prints. */
    static boolean isCanonicalDecimal(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = n > 0 && s.charAt(0) == '-';
        if (negative) {
            i = 1;
        }
        if (i >= n) {
            return false;
        }
        char first = s.charAt(i);
        if (first == '0') {
            return n == 1;
        }
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            // accumulate negatively: the negative range is one larger than the positive one
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        return negative || value != Long.MIN_VALUE;
    }

    private static long packAscii(String s) {
        long packed = 0;
        for (int i = 0; i < s.length(); i++) {
            packed |= ((long) s.charAt(i)) << (8 * i);
        }
        return packed;
    }

    private static String unpackAscii(long packed, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (packed >>> (8 * i));
        }
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Epoch seconds of a {@code yyyy-MM-ddTHH:mm:ssZ} time, or {@link Long#MIN_VALUE} when it is not one. */
    static long dateTimeSeconds(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String formatDateTime(long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSeconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        char[] out = new char[20];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        out[19] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** 1 for an upper-case MAC, -1 for lower case (all-digit MACs count as lower), 0 for anything else. */
    private static int macCase(String s) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (i % 3 == 2) {
                if (c != ':') {
                    return 0;
                }
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (c >= 'a' && c <= 'f') {
                lower = true;
            } else if (c < '0' || c > '9') {
                return 0;
            }
        }
        if (upper && lower) {
            return 0;
        }
        return upper ? 1 : -1;
    }

    private static long packMac(String s) {
        long packed = 0;
        for (int i = 0; i < 17; i += 3) {
            packed = (packed << 8) | (Character.digit(s.charAt(i), 16) << 4) | Character.digit(s.charAt(i + 1), 16);
        }
        return packed;
    }

    private static String formatMac(long packed, char[] hex) {
        char[] out = new char[17];
        for (int octet = 0; octet < 6; octet++) {
            int b = (int) (packed >>> (8 * (5 - octet))) & 0xff;
            out[octet * 3] = hex[b >>> 4];
            out[octet * 3 + 1] = hex[b & 0xf];
            if (octet < 5) {
                out[octet * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    /** The address as an unsigned 32-bit number, or -1 when {@code s} is not a canonical dotted quad. */
    private static long ipv4(String s) {
        long packed = 0;
        int octets = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && s.charAt(i) != '.') {
                char c = s.charAt(i);
                if (c < '0' || c > '9' || i - start >= 3) {
                    return -1;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            if (i == start || value > 255 || (s.charAt(start) == '0' && i - start > 1)) {
                return -1;
            }
            packed = (packed << 8) | value;
            octets++;
            if (i < n) {
                i++;
                if (i == n) {
                    return -1;
                }
            }
        }
        return octets == 4 ? packed : -1;
    }

    private static String formatIpv4(long packed) {
        return ((packed >>> 24) & 0xff) + "." + ((packed >>> 16) & 0xff) + "." + ((packed >>> 8) & 0xff) + "."
                + (packed & 0xff);
    }
}
