package io.cpeoperator.bridge.twin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One device's long string values, back to back in one byte array (UTF-8), addressed by a {@code long} reference
 * of offset and length. One array instead of a {@code String} per value saves the object headers, the array headers
 * and the UTF-16 width. Overwritten values leave garbage; the owner compacts when garbage outweighs live bytes.
 * Not thread-safe: guarded by the owning twin's lock.
 */
final class StringArena {

    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes;
    private int used;
    private int garbage;

    StringArena(int capacity) {
        this.bytes = capacity == 0 ? EMPTY : new byte[capacity];
    }

    static long ref(int offset, int length) {
        return ((long) offset << 32) | (length & 0xffff_ffffL);
    }

    static int offset(long ref) {
        return (int) (ref >>> 32);
    }

    static int length(long ref) {
        return (int) ref;
    }

    /** Appends {@code s} and returns its reference. */
    long append(String s) {
        int length = s.length();
        ensureRoom(length);
        int offset = used;
        // optimistic ASCII copy in one pass; a non-ASCII character falls back to UTF-8 encoding
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return appendUtf8(s);
            }
            bytes[offset + i] = (byte) c;
        }
        used += length;
        return ref(offset, length);
    }

    private long appendUtf8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensureRoom(utf8.length);
        int offset = used;
        System.arraycopy(utf8, 0, bytes, offset, utf8.length);
        used += utf8.length;
        return ref(offset, utf8.length);
    }

    String get(long ref) {
        return new String(bytes, offset(ref), length(ref), StandardCharsets.UTF_8);
    }

    /** True when the referenced bytes are {@code s}; compares ASCII in place, decodes only for other text. */
    boolean contentEquals(long ref, String s) {
        int offset = offset(ref);
        int length = length(ref);
        int chars = s.length();
        int common = Math.min(length, chars);
        for (int i = 0; i < common; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return get(ref).equals(s);
            }
            if (bytes[offset + i] != (byte) c) {
                return false;
            }
        }
        // an equal prefix of ASCII: equal only with equal lengths (more characters in s would need more bytes)
        return length == chars;
    }

    /** Records that a value was overwritten or removed. */
    void release(long ref) {
        garbage += length(ref);
    }

    boolean worthCompacting() {
        return garbage > 256 && garbage > used - garbage;
    }

    /** Copies a live value into {@code target} (used while compacting) and returns its new reference. */
    long copyTo(StringArena target, long ref) {
        int length = length(ref);
        target.ensureRoom(length);
        int offset = target.used;
        System.arraycopy(bytes, offset(ref), target.bytes, offset, length);
        target.used += length;
        return ref(offset, length);
    }

    int usedBytes() {
        return used;
    }

    /** Drops the spare capacity after a snapshot was built. */
    void trim() {
        if (bytes.length != used) {
            bytes = used == 0 ? EMPTY : Arrays.copyOf(bytes, used);
        }
    }

    private void ensureRoom(int length) {
        if (used + length > bytes.length) {
            // grow by half: values that change keep appending, and copying in small steps would dominate
            int grown = Math.max(used + length, bytes.length + (bytes.length >> 1) + 64);
            bytes = Arrays.copyOf(bytes, grown);
        }
    }
}
