package io.cpeoperator.bridge.cwmp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Parses the comma-separated {@code name=value} / {@code name="value"} list of a Digest header. */
public final class DigestHeader {

    /** Headers beyond this are not credentials but an attack on the parser. */
    private static final int MAX_LENGTH = 4096;

    private DigestHeader() {
    }

    /** The parameters of a Digest challenge or Authorization header (after the scheme), names lower-cased. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new HashMap<>();
        if (text.length() > MAX_LENGTH) {
            return values;
        }
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String value;
            if (start < text.length() && text.charAt(start) == '"') {
                int end = text.indexOf('"', start + 1);
                if (end < 0) {
                    break;
                }
                value = text.substring(start + 1, end);
                i = end + 1;
            } else {
                int end = text.indexOf(',', start);
                end = end < 0 ? text.length() : end;
                value = text.substring(start, end).trim();
                i = end;
            }
            values.put(name, value);
        }
        return values;
    }

    /** Lower-case hex MD5, the hash of RFC 2617 Digest that CPEs implement. */
    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
