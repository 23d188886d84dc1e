package io.cpeoperator.bridge.cwmp.soap;

import java.nio.charset.StandardCharsets;

/**
 * Shares the String of an ASCII element or attribute name across parses: envelopes repeat the same few dozen names
 * thousands of times per second. A fixed table that overwrites on collision, so hostile names cannot grow it.
 */
final class NameCache {

    private static final int SIZE = 1024;
    private static final String[] NAMES = new String[SIZE];

    private NameCache() {
    }

    static String name(byte[] bytes, int start, int length, int hash) {
        int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
        String cached = NAMES[slot];
        if (cached != null && matches(cached, bytes, start, length)) {
            return cached;
        }
        String name = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        if (length <= 64) {
            // a benign race: the worst outcome is a cache miss
            NAMES[slot] = name;
        }
        return name;
    }

    private static boolean matches(String cached, byte[] bytes, int start, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }
}
