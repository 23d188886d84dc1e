package io.cpeoperator.bridge.twin;

import java.util.Arrays;

/**
 * A schema's paths sorted in {@link PathOrder}, as of the moment it was built: the rank of every path id, and the
 * paths by rank. A subtree is a contiguous rank range (paths sharing their first segments are adjacent in path
 * order), so a read finds a device's matching slots by comparing ints, never touching path strings outside the
 * range, and orders them by sorting ints. Paths interned after the build have no rank; readers handle them apart
 * (see {@link DeviceTwin#read}). Immutable.
 */
final class SchemaOrder {

    static final SchemaOrder EMPTY = new SchemaOrder(new String[0], new int[0], new int[0], 0L);

    private final String[] sortedPaths;
    private final int[] rankOfId;
    private final int[] idOfRank;
    private final long builtAtNanos;

    private SchemaOrder(String[] sortedPaths, int[] rankOfId, int[] idOfRank, long builtAtNanos) {
        this.sortedPaths = sortedPaths;
        this.rankOfId = rankOfId;
        this.idOfRank = idOfRank;
        this.builtAtNanos = builtAtNanos;
    }

    /** Sorts the first {@code size} paths of {@code schema}. */
    static SchemaOrder build(TwinSchema schema, int size) {
        Integer[] ids = new Integer[size];
        for (int i = 0; i < size; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (a, b) -> PathOrder.INSTANCE.compare(schema.path(a), schema.path(b)));
        String[] sorted = new String[size];
        int[] ranks = new int[size];
        int[] idsByRank = new int[size];
        for (int rank = 0; rank < size; rank++) {
            sorted[rank] = schema.path(ids[rank]);
            ranks[ids[rank]] = rank;
            idsByRank[rank] = ids[rank];
        }
        return new SchemaOrder(sorted, ranks, idsByRank, System.nanoTime());
    }

    /** Number of path ids covered: ids at or above it were interned after the build. */
    int size() {
        return rankOfId.length;
    }

    long builtAtNanos() {
        return builtAtNanos;
    }

    /** The rank of a covered id. */
    int rank(int pathId) {
        return rankOfId[pathId];
    }

    /** The first rank whose path starts with {@code prefix} (a segment-aligned prefix ending in '.'), or the insertion point. */
    /** The path id of a rank. */
    int idAt(int rank) {
        return idOfRank[rank];
    }

    /** The path of a rank: the string itself, nothing decoded. */
    String pathAt(int rank) {
        return sortedPaths[rank];
    }

    int firstRankWithPrefix(String prefix) {
        int low = 0;
        int high = sortedPaths.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (PathOrder.INSTANCE.compare(sortedPaths[mid], prefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first rank at or after {@code from} whose path does not start with {@code prefix}. */
    int endOfPrefix(String prefix, int from) {
        int low = from;
        int high = sortedPaths.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedPaths[mid].startsWith(prefix)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
