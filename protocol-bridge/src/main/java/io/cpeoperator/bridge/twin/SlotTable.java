package io.cpeoperator.bridge.twin;

import java.util.Arrays;

/**
 * One device's parameters as parallel arrays sorted by schema path id: path id, packed value, observation time
 * (seconds after a per-table epoch) and a 16-bit descriptor (value shape, type, writable flag, inline length).
 * Long strings live in a {@link StringArena}. About 18 bytes per parameter plus the bytes of long strings, instead
 * of the ~150 of a map of strings.
 *
 * <p>Object instances the device reported ({@code Device.Hosts.Host.7.}) are slots too, with shape
 * {@link ValueCodec#OBJECT}. Not thread-safe: guarded by the owning {@link DeviceTwin}'s lock.
 */
final class SlotTable {

    private static final int ENCODING_MASK = 0x7;
    private static final int TYPE_SHIFT = 3;
    private static final int TYPE_MASK = 0xf << TYPE_SHIFT;
    private static final int WRITABLE = 1 << 7;
    private static final int LENGTH_SHIFT = 8;
    private static final ParameterType[] TYPES = ParameterType.values();

    private final long epochSecond;
    private int size;
    private int parameterCount;
    private int[] pathIds;
    private long[] values;
    private int[] times;
    private short[] meta;
    private StringArena arena;

    SlotTable(int capacity, long epochSecond) {
        this.epochSecond = epochSecond;
        this.pathIds = new int[capacity];
        this.values = new long[capacity];
        this.times = new int[capacity];
        this.meta = new short[capacity];
        this.arena = new StringArena(0);
    }

    int size() {
        return size;
    }

    /** Slots that hold a value (object instance entries excluded). */
    int parameterCount() {
        return parameterCount;
    }

    /** The slot of {@code pathId}, or {@code -(insertion point) - 1}. */
    int indexOf(int pathId) {
        return Arrays.binarySearch(pathIds, 0, size, pathId);
    }

    /** Appends a slot; ids must arrive in ascending order (building from a sorted snapshot). */
    int append(int pathId) {
        ensureCapacity(size + 1);
        pathIds[size] = pathId;
        meta[size] = ValueCodec.OBJECT;
        return size++;
    }

    /** Opens an object-instance slot for {@code pathId} at {@code index} (an insertion point from indexOf). */
    int insert(int index, int pathId) {
        ensureCapacity(size + 1);
        int tail = size - index;
        System.arraycopy(pathIds, index, pathIds, index + 1, tail);
        System.arraycopy(values, index, values, index + 1, tail);
        System.arraycopy(times, index, times, index + 1, tail);
        System.arraycopy(meta, index, meta, index + 1, tail);
        pathIds[index] = pathId;
        values[index] = 0;
        times[index] = 0;
        meta[index] = ValueCodec.OBJECT;
        size++;
        return index;
    }

    /** Removes the slots whose {@code remove[i]} is set, keeping order. */
    void removeAll(boolean[] remove) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (remove[i]) {
                clearValue(i);
                continue;
            }
            pathIds[kept] = pathIds[i];
            values[kept] = values[i];
            times[kept] = times[i];
            meta[kept] = meta[i];
            kept++;
        }
        size = kept;
        compactArenaIfWorthIt();
    }

    int pathId(int i) {
        return pathIds[i];
    }

    boolean isObject(int i) {
        return (meta[i] & ENCODING_MASK) == ValueCodec.OBJECT;
    }

    String value(int i) {
        int descriptor = meta[i];
        int encoding = descriptor & ENCODING_MASK;
        return switch (encoding) {
            case ValueCodec.OBJECT -> null;
            case ValueCodec.ARENA -> arena.get(values[i]);
            default -> ValueCodec.unpack(encoding, descriptor >>> LENGTH_SHIFT, values[i]);
        };
    }

    /** True when the slot holds exactly {@code s}, without decoding it. */
    boolean valueEquals(int i, String s) {
        int encoding = ValueCodec.encodingOf(s);
        return encoding == ValueCodec.ARENA
                ? holdsArenaValue(i, s)
                : holdsPacked(i, encoding, ValueCodec.pack(encoding, s), inlineLength(encoding, s));
    }

    void setValue(int i, String s) {
        setIfChanged(i, s);
    }

    /**
     * Stores {@code s} unless the slot holds it already, encoding it once for both the comparison and the write
     * (this is the hot path of every update).
     *
     * @return true when the value changed (or the slot held none)
     */
    boolean setIfChanged(int i, String s) {
        int encoding = ValueCodec.encodingOf(s);
        if (encoding == ValueCodec.ARENA) {
            if (holdsArenaValue(i, s)) {
                return false;
            }
            clearValue(i);
            values[i] = arena.append(s);
            setDescriptor(i, encoding, 0);
            compactArenaIfWorthIt();
            return true;
        }
        long packed = ValueCodec.pack(encoding, s);
        int length = inlineLength(encoding, s);
        if (holdsPacked(i, encoding, packed, length)) {
            return false;
        }
        clearValue(i);
        values[i] = packed;
        setDescriptor(i, encoding, length);
        return true;
    }

    private boolean holdsArenaValue(int i, String s) {
        return (meta[i] & ENCODING_MASK) == ValueCodec.ARENA && arena.contentEquals(values[i], s);
    }

    private boolean holdsPacked(int i, int encoding, long packed, int length) {
        int descriptor = meta[i];
        return (descriptor & ENCODING_MASK) == encoding && values[i] == packed
                && (descriptor >>> LENGTH_SHIFT) == length;
    }

    private static int inlineLength(int encoding, String s) {
        return encoding == ValueCodec.INLINE_ASCII ? s.length() : 0;
    }

    private void setDescriptor(int i, int encoding, int length) {
        meta[i] = (short) ((meta[i] & (TYPE_MASK | WRITABLE)) | encoding | (length << LENGTH_SHIFT));
        parameterCount++;
    }

    ParameterType type(int i) {
        return TYPES[(meta[i] & TYPE_MASK) >>> TYPE_SHIFT];
    }

    void setType(int i, ParameterType type) {
        meta[i] = (short) ((meta[i] & ~TYPE_MASK) | (type.ordinal() << TYPE_SHIFT));
    }

    boolean writable(int i) {
        return (meta[i] & WRITABLE) != 0;
    }

    void setWritable(int i, boolean writable) {
        meta[i] = (short) (writable ? meta[i] | WRITABLE : meta[i] & ~WRITABLE);
    }

    long observedSecond(int i) {
        return epochSecond + times[i];
    }

    void setObservedSecond(int i, long epochSeconds) {
        long offset = epochSeconds - epochSecond;
        times[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, offset));
    }

    /** Drops spare capacity; called once a snapshot is built. */
    void trim() {
        if (pathIds.length != size) {
            pathIds = Arrays.copyOf(pathIds, size);
            values = Arrays.copyOf(values, size);
            times = Arrays.copyOf(times, size);
            meta = Arrays.copyOf(meta, size);
        }
        arena.trim();
    }

    private void clearValue(int i) {
        int encoding = meta[i] & ENCODING_MASK;
        if (encoding == ValueCodec.ARENA) {
            arena.release(values[i]);
        }
        if (encoding != ValueCodec.OBJECT) {
            parameterCount--;
        }
        meta[i] = (short) (meta[i] & (TYPE_MASK | WRITABLE));
    }

    private void compactArenaIfWorthIt() {
        if (!arena.worthCompacting()) {
            return;
        }
        // live bytes are under half of what is used (that is when compaction runs); leave room to append
        StringArena fresh = new StringArena(arena.usedBytes() / 2 + arena.usedBytes() / 4);
        for (int i = 0; i < size; i++) {
            if ((meta[i] & ENCODING_MASK) == ValueCodec.ARENA) {
                values[i] = arena.copyTo(fresh, values[i]);
            }
        }
        arena = fresh;
    }

    private void ensureCapacity(int needed) {
        if (needed > pathIds.length) {
            int grown = Math.max(needed, pathIds.length + (pathIds.length >> 3) + 8);
            pathIds = Arrays.copyOf(pathIds, grown);
            values = Arrays.copyOf(values, grown);
            times = Arrays.copyOf(times, grown);
            meta = Arrays.copyOf(meta, grown);
        }
    }
}
