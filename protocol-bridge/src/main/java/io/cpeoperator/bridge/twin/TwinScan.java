package io.cpeoperator.bridge.twin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** Scans over one twin's slots for reads; the caller holds the twin's read lock. */
final class TwinScan {

    private TwinScan() {
    }

    /**
     * Parameters matching {@code pattern}, in {@link PathOrder}. The schema's {@link SchemaOrder} turns the pattern's
     * literal prefix into a rank range, so the scan compares ints and orders the result by sorting ints; only paths
     * interned after the order was built are matched and sorted by their strings.
     */
    static List<TwinParameter> matching(TwinSchema schema, SlotTable table, PathPattern pattern,
                                        IntFunction<TwinParameter> parameterAt) {
        String prefix = pattern.literalPrefix();
        SchemaOrder order = schema.order();
        int low = order.firstRankWithPrefix(prefix);
        int high = order.endOfPrefix(prefix, low);
        // (rank << 32 | slot): sorting orders the hits by path
        long[] hits = new long[Math.min(table.size(), high - low)];
        int count = 0;
        List<TwinParameter> newer = null;
        for (int slot = 0; slot < table.size(); slot++) {
            if (table.isObject(slot)) {
                continue;
            }
            int pathId = table.pathId(slot);
            if (pathId < order.size()) {
                int rank = order.rank(pathId);
                if (rank >= low && rank < high
                        && (!pattern.hasWildcard() || pattern.matches(schema.path(pathId)))) {
                    hits[count++] = ((long) rank << 32) | slot;
                }
            } else if (pattern.matches(schema.path(pathId))) {
                newer = newer == null ? new ArrayList<>() : newer;
                newer.add(parameterAt.apply(slot));
            }
        }
        Arrays.sort(hits, 0, count);
        List<TwinParameter> found = new ArrayList<>(count + (newer == null ? 0 : newer.size()));
        for (int k = 0; k < count; k++) {
            found.add(parameterAt.apply((int) hits[k]));
        }
        if (newer != null) {
            found.addAll(newer);
            found.sort((a, b) -> PathOrder.INSTANCE.compare(a.path(), b.path()));
        }
        return found;
    }

    /**
     * Instance numbers present directly below {@code tablePath}, from object entries and parameters alike. The table
     * is a rank range of the schema's order: when that range is smaller than the twin, its paths are looked up in the
     * twin until one of each instance is found; otherwise the twin's slots are scanned by rank. Paths
     * interned after the order was built (the twin's highest ids) are matched by their strings.
     */
    static List<Integer> instances(TwinSchema schema, SlotTable table, String tablePath) {
        SchemaOrder order = schema.order();
        int low = order.firstRankWithPrefix(tablePath);
        int high = order.endOfPrefix(tablePath, low);
        Instances found = new Instances();
        if (high - low < table.size()) {
            int present = -1;
            for (int rank = low; rank < high; rank++) {
                int number = leadingInstance(order.pathAt(rank), tablePath.length());
                // an instance's paths are adjacent: once one is found in the twin, the rest need no look-up
                if (number >= 0 && number != present && table.indexOf(order.idAt(rank)) >= 0) {
                    found.add(number);
                    present = number;
                }
            }
        } else {
            for (int slot = 0; slot < table.size(); slot++) {
                int pathId = table.pathId(slot);
                if (pathId < order.size()) {
                    int rank = order.rank(pathId);
                    if (rank >= low && rank < high) {
                        found.add(leadingInstance(order.pathAt(rank), tablePath.length()));
                    }
                }
            }
        }
        // slots are ordered by path id: the ids interned after the order was built come last
        int at = table.indexOf(order.size());
        for (int slot = at >= 0 ? at : -at - 1; slot < table.size(); slot++) {
            String path = schema.path(table.pathId(slot));
            if (path.startsWith(tablePath)) {
                found.add(leadingInstance(path, tablePath.length()));
            }
        }
        return found.sorted();
    }

    /** Instance numbers as found, any order and repeated; negatives (not an instance) ignored. */
    private static final class Instances {
        private int[] numbers = new int[8];
        private int count;

        void add(int number) {
            // the parameters of one instance mostly come together: skip the repeats cheaply
            if (number < 0 || (count > 0 && numbers[count - 1] == number)) {
                return;
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
            }
            numbers[count++] = number;
        }

        List<Integer> sorted() {
            Arrays.sort(numbers, 0, count);
            List<Integer> distinct = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                if (k == 0 || numbers[k] != numbers[k - 1]) {
                    distinct.add(numbers[k]);
                }
            }
            return List.copyOf(distinct);
        }
    }

    private static int leadingInstance(String path, int from) {
        int end = path.indexOf('.', from);
        if (end <= from || end - from > 9) {
            return -1;
        }
        int number = 0;
        for (int i = from; i < end; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
