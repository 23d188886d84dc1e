package io.cpeoperator.bridge.twin;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

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
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] paths = new String[64];
    private int size;
    private volatile SchemaOrder order = SchemaOrder.EMPTY;

    TwinSchema(TwinSchemaKey key, int maxPaths) {
        this.key = key;
        this.maxPaths = maxPaths;
    }

    TwinSchemaKey key() {
        return key;
    }

    /** The id of a path already known, or -1. The path is not validated: unknown text simply is not found. */
    int idOf(String path) {
        Integer id = ids.get(path);
        return id == null ? -1 : id;
    }

    /**
     * The id of {@code path}, adding it when new. The caller has validated the path's syntax.
     *
     * @return the id, or {@link #FULL} when the schema holds {@code maxPaths} paths already
     */
    int intern(String path) {
        Integer id = ids.get(path);
        if (id != null) {
            return id;
        }
        synchronized (this) {
            id = ids.get(path);
            if (id != null) {
                return id;
            }
            if (size >= maxPaths) {
                return FULL;
            }
            String[] current = paths;
            if (size == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[size] = path;
            // publish the array before the id: a reader that found the id reads an array that holds the path
            paths = current;
            ids.put(path, size);
            return size++;
        }
    }

    /** The path of an id handed out by this schema. */
    String path(int id) {
        return paths[id];
    }

    int size() {
        return ids.size();
    }

    /**
     * The path order of this schema. Rebuilt when paths were added since the last build, but under churn (devices
     * adding instance numbers all the time) at most about once a second or when 1/32 of the paths are new, so reads
     * do not pay for a sort every time; paths newer than the order returned are the reader's to place.
     */
    SchemaOrder order() {
        SchemaOrder current = order;
        int known = ids.size();
        if (current.size() == known) {
            return current;
        }
        int missing = known - current.size();
        boolean worthIt = current.size() == 0 || missing > current.size() / 32
                || System.nanoTime() - current.builtAtNanos() > 1_000_000_000L;
        if (!worthIt) {
            return current;
        }
        synchronized (this) {
            if (order.size() < size) {
                order = SchemaOrder.build(this, size);
            }
            return order;
        }
    }
}
