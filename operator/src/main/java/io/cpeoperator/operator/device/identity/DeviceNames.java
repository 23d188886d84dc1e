package io.cpeoperator.operator.device.identity;

import io.cpeoperator.bridge.device.DeviceId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * DNS-safe CpeDevice names derived from a device's identity: {@code <oui>-<productclass>-<serial>} for CWMP, the
 * endpoint ID for USP, lower-cased, every other character mapped to '-', runs of '-' collapsed.
 *
 * <p>Two identities must never share a name. The readable part alone cannot promise that once the mapping lost
 * information (lower case folded, '::' or '_' turned into '-', a long name cut), so whenever the key cannot be read
 * back from the name (by upper-casing it) a short hash of the full identity (protocol included) is appended. A name
 * without a hash suffix therefore spells its identity exactly, and a name with one is unique by the hash. USP endpoint
 * IDs always contain ':' and so always carry the hash.
 */
public final class DeviceNames {

    /** Kubernetes object names of this kind are DNS subdomains; we keep to a single DNS label to be safe everywhere. */
    public static final int MAX_LENGTH = 63;
    static final int HASH_LENGTH = 10;

    private DeviceNames() {
    }

    public static String nameFor(DeviceId id) {
        String readable = id.key().toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(readable.length());
        for (int i = 0; i < readable.length(); i++) {
            char c = readable.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            char next = allowed ? c : '-';
            if (next == '-' && (mapped.isEmpty() || mapped.charAt(mapped.length() - 1) == '-')) {
                continue;
            }
            mapped.append(next);
        }
        String name = trimDashes(mapped.toString());
        // Lossless when upper-casing the name gives the key back: keys of upper-case letters, digits and single inner
        // dashes (TR-069 OUIs are upper case, and so are most product classes and serials). Anything else, even a
        // single lower-case letter in the key, could meet another key on the same name, so it gets the hash.
        boolean lossless = name.toUpperCase(Locale.ROOT).equals(id.key()) && name.length() <= MAX_LENGTH
                && !name.isEmpty();
        if (lossless) {
            return name;
        }
        return withHash(name, id);
    }

    /**
     * The readable part with the hash suffix even when the mapping was lossless: the fallback when a resource written
     * by hand for another device already holds the plain name.
     */
    public static String hashedNameFor(DeviceId id) {
        String plain = nameFor(id);
        String suffix = "-" + hash(id);
        return plain.endsWith(suffix) ? plain : withHash(plain, id);
    }

    private static String withHash(String name, DeviceId id) {
        String hash = hash(id);
        int room = MAX_LENGTH - HASH_LENGTH - 1;
        String head = trimDashes(name.length() > room ? name.substring(0, room) : name);
        return head.isEmpty() ? "cpe-" + hash : head + "-" + hash;
    }

    /** Ten hex digits of SHA-256 over the canonical id ({@code cwmp:...} / {@code usp:...}). */
    static String hash(DeviceId id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
