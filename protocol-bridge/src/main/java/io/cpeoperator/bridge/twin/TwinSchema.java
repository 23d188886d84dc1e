package io.cpeoperator.bridge.twin;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The interned paths of one device model and firmware ({@link TwinSchemaKey}), shared by all its devices. Each
 * distinct path (parameter or object instance) is stored once and gets a small id; a device's twin keeps only ids.
 * Devices with different instance numbers ({@code Device.Hosts.Host.7.} on one, {@code .12.} on another) share the
 * path table: its size is the union of the paths the model's devices report, not the sum, and it is bounded by
 * {@code maxPaths} so one hostile device cannot grow it without limit.
 *
 * <p>Thread-safe: lookups are lock-free; adding a path takes the schema's monitor.
 */
final class TwinSchema {

    /** Returned by {@link #intern} when the schema is full. */
    static final int FULL = -1;

    private final TwinSchemaKey key;
    private final int maxPaths;
    private final PathTable table = new PathTable();
    private volatile SchemaOrder order = SchemaOrder.EMPTY;
    private final AtomicBoolean sorting = new AtomicBoolean();

    TwinSchema(TwinSchemaKey key, int maxPaths) {
        this.key = key;
        this.maxPaths = maxPaths;
    }

    TwinSchemaKey key() {
        return key;
    }

    /** The id of a path already known, or -1. The path is not validated: unknown text simply is not found. */
    int idOf(String path) {
        return table.find(path);
    }

    /**
     * The id of {@code path}, adding it when new. The caller has validated the path's syntax.
     *
     * @return the id, or {@link #FULL} when the schema holds {@code maxPaths} paths already
     */
    int intern(String path) {
        int id = table.find(path);
        if (id >= 0) {
            return id;
        }
        synchronized (this) {
            id = table.find(path);
            if (id >= 0) {
                return id;
            }
            return table.size() >= maxPaths ? FULL : table.add(path);
        }
    }

    /** The path of an id handed out by this schema. */
    String path(int id) {
        return table.path(id);
    }

    int size() {
        return table.size();
    }

    /**
     * The path order of this schema. Rebuilt when paths were added since the last build, but under churn (devices
     * adding instance numbers all the time) at most about once a second or when 1/32 of the paths are new, so reads
     * do not pay for a sort every time; paths newer than the order returned are the reader's to place.
     */
    SchemaOrder order() {
        SchemaOrder current = order;
        int known = table.size();
        if (current.size() == known) {
            return current;
        }
        int missing = known - current.size();
        boolean worthIt = current.size() == 0 || missing > current.size() / 32
                || System.nanoTime() - current.builtAtNanos() > 1_000_000_000L;
        if (!worthIt) {
            return current;
        }
        // one reader sorts, outside any lock; the others go on with the older order meanwhile
        if (!sorting.compareAndSet(false, true)) {
            return current;
        }
        try {
            SchemaOrder built = SchemaOrder.build(this, table.size());
            order = built;
            return built;
        } finally {
            sorting.set(false);
        }
    }
}
