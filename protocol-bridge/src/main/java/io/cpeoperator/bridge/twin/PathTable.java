package io.cpeoperator.bridge.twin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The path-to-id table of a {@link TwinSchema}: open addressing over one {@code long[]} of (hash, id) pairs, next to
 * the array of paths by id. Every update from a device looks its path up here, so the layout is chosen for few cache
 * misses: one probe reads the hash and the id together (a {@code ConcurrentHashMap} walks a node, its key and a
 * boxed id), and only a probe whose hash matches compares the strings.
 *
 * <p>Lookups are lock-free; {@link #add} must be called by one thread at a time (the schema's monitor). A path is
 * published before its slot (release/acquire), so a reader that finds a slot finds its path; a reader still holding
 * a table replaced by a resize misses new paths only, and the caller then retries under the monitor.
 */
final class PathTable {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int INITIAL_CAPACITY = 256;

    private volatile long[] slots = new long[INITIAL_CAPACITY];
    private volatile String[] paths = new String[INITIAL_CAPACITY / 2];
    private volatile int size;

    /** The id of {@code path}, or -1. */
    int find(String path) {
        int hash = path.hashCode();
        long[] table = slots;
        int mask = table.length - 1;
        for (int index = spread(hash) & mask; ; index = (index + 1) & mask) {
            long slot = (long) SLOTS.getAcquire(table, index);
            if (slot == 0) {
                return -1;
            }
            if ((int) (slot >>> 32) == hash) {
                int id = (int) slot - 1;
                if (paths[id].equals(path)) {
                    return id;
                }
            }
        }
    }

    /** Adds a path known to be absent and returns its id; one caller at a time. */
    int add(String path) {
        int id = size;
        String[] byId = paths;
        if (id == byId.length) {
            byId = Arrays.copyOf(byId, byId.length * 2);
        }
        byId[id] = path;
        paths = byId;
        long[] table = slots;
        // keep the load at or below one half, so probes stay short
        if (2 * (id + 1) > table.length) {
            table = rehash(table, byId, id);
        }
        insert(table, path.hashCode(), id);
        slots = table;
        size = id + 1;
        return id;
    }

    String path(int id) {
        return paths[id];
    }

    int size() {
        return size;
    }

    private static long[] rehash(long[] old, String[] byId, int count) {
        long[] table = new long[old.length * 2];
        for (int id = 0; id < count; id++) {
            insert(table, byId[id].hashCode(), id);
        }
        return table;
    }

    private static void insert(long[] table, int hash, int id) {
        int mask = table.length - 1;
        int index = spread(hash) & mask;
        while ((long) SLOTS.getAcquire(table, index) != 0) {
            index = (index + 1) & mask;
        }
        SLOTS.setRelease(table, index, ((long) hash << 32) | ((id + 1) & 0xffff_ffffL));
    }

    /** Mixes high bits into the low ones: path hashes of one table differ mostly in their last characters. */
    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B1;
    }
}
