package io.cpeoperator.operator.fleet.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices per key (a firmware version, a model, a finding code). Keys whose count drops to zero are forgotten, so
 * the map holds only what the fleet has now. Not thread-safe: owned by a {@link FleetTally}.
 */
final class KeyCounts {

    /** Most devices first, then by key, so equal counts always list in the same order. */
    static final Comparator<Count> LARGEST_FIRST =
            Comparator.comparingInt(Count::devices).reversed().thenComparing(Count::key);

    private final Map<String, int[]> counts = new HashMap<>();

    void add(String key) {
        if (key != null) {
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
        }
    }

    void remove(String key) {
        if (key == null) {
            return;
        }
        int[] count = counts.get(key);
        if (count == null || count[0] <= 0) {
            throw new IllegalStateException("no device counted under '" + key + "'");
        }
        if (--count[0] == 0) {
            counts.remove(key);
        }
    }

    int get(String key) {
        int[] count = key == null ? null : counts.get(key);
        return count == null ? 0 : count[0];
    }

    /** Every key with its count, largest first: O(k log k) for k distinct keys. */
    List<Count> largestFirst() {
        List<Count> all = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> all.add(new Count(key, count[0])));
        all.sort(LARGEST_FIRST);
        return all;
    }

    /** A key and how many devices have it. */
    record Count(String key, int devices) {
    }
}
