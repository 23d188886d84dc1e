package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;

/**
 * One device's twin: its schema and {@link SlotTable} behind a read-write lock. Every write (a snapshot, an update
 * batch, an object created or deleted) happens under the write lock, so a reader sees all of a batch or none of it.
 * Writers of different devices never contend. Change lists are built only when {@code collect} is set (someone
 * listens), since decoding old values costs on the hot update path.
 */
final class DeviceTwin {

    private static final long NEVER = Long.MIN_VALUE;

    private final DeviceId id;
    private final StampedLock lock = new StampedLock();
    private TwinSchema schema;
    private SlotTable table;
    private long lastFullSyncMillis = NEVER;
    private long lastUpdateMillis = NEVER;
    /** Slots held, read by the cache's weigher without the lock (a slightly stale weight is harmless). */
    private volatile int weight = 1;

    DeviceTwin(DeviceId id, TwinSchema schema, long epochSecond) {
        this.id = id;
        this.schema = schema;
        this.table = new SlotTable(0, epochSecond);
    }

    DeviceId id() {
        return id;
    }

    int weight() {
        return weight;
    }

    /** Replaces everything with a snapshot table built by {@link SnapshotBuilder}. */
    List<TwinChange> replace(TwinSchema newSchema, SlotTable newTable, Instant at, boolean collect) {
        long stamp = lock.writeLock();
        try {
            List<TwinChange> changes = collect ? SnapshotDiff.changes(schema, table, newSchema, newTable) : null;
            schema = newSchema;
            table = newTable;
            lastFullSyncMillis = at.toEpochMilli();
            lastUpdateMillis = lastFullSyncMillis;
            weight = Math.max(1, newTable.size());
            return changes;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Bookkeeping after a write; the caller holds the write lock. */
    private void written(Instant at) {
        lastUpdateMillis = at.toEpochMilli();
        weight = Math.max(1, table.size());
    }

    /** Applies value observations; unknown paths are added. */
    List<TwinChange> update(Collection<ParameterValue> updates, Instant at, IngestGuard guard, boolean collect) {
        List<TwinChange> changes = collect ? new ArrayList<>(updates.size()) : null;
        long second = at.getEpochSecond();
        long stamp = lock.writeLock();
        try {
            for (ParameterValue update : updates) {
                apply(update, second, guard, changes);
            }
            written(at);
            return changes;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Applies samples observed at {@code at} except where the twin holds a value observed in a later second; the
     * twin's last update time only moves forward. Returns how many samples were skipped as older.
     */
    int sample(Collection<ParameterValue> samples, Instant at, IngestGuard guard, List<TwinChange> changes) {
        long second = at.getEpochSecond();
        int superseded = 0;
        long stamp = lock.writeLock();
        try {
            for (ParameterValue sample : samples) {
                if (heldLater(sample.path(), second)) {
                    superseded++;
                } else {
                    apply(sample, second, guard, changes);
                }
            }
            long millis = at.toEpochMilli();
            lastUpdateMillis = Math.max(lastUpdateMillis, millis);
            weight = Math.max(1, table.size());
            return superseded;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** True when the twin holds {@code path} observed after {@code second}; the caller holds the lock. */
    private boolean heldLater(String path, long second) {
        int pathId = schema.idOf(path);
        if (pathId < 0) {
            return false;
        }
        int slot = table.indexOf(pathId);
        return slot >= 0 && table.observedSecond(slot) > second;
    }

    private void apply(ParameterValue update, long second, IngestGuard guard, List<TwinChange> changes) {
        String path = update.path();
        if (!guard.acceptValue(id, path, update.value())) {
            return;
        }
        if (ParameterPath.isPartial(path)) {
            ensureObject(path, second, guard, changes);
            return;
        }
        int pathId = guard.pathId(id, schema, path, ParameterPath.Usage.PARAMETER);
        if (pathId < 0) {
            return;
        }
        int slot = table.indexOf(pathId);
        if (slot < 0) {
            if (!guard.acceptNewSlot(id, table.size(), path)) {
                return;
            }
            slot = table.insert(-slot - 1, pathId);
            table.setValue(slot, update.value());
            if (changes != null) {
                changes.add(new TwinChange(TwinChange.Kind.PARAMETER_ADDED, path, null, update.value()));
            }
        } else {
            String old = changes != null ? table.value(slot) : null;
            if (table.setIfChanged(slot, update.value()) && changes != null) {
                changes.add(new TwinChange(TwinChange.Kind.VALUE_CHANGED, path, old, update.value()));
            }
        }
        if (update.type() != ParameterType.UNKNOWN) {
            table.setType(slot, update.type());
        }
        if (update.writable() != null) {
            table.setWritable(slot, update.writable());
        }
        table.setObservedSecond(slot, second);
    }

    /** Records an object instance and its unique keys (as parameters below it). */
    List<TwinChange> objectCreated(String instancePath, Map<String, String> uniqueKeys, Instant at, IngestGuard guard,
                                   boolean collect) {
        List<TwinChange> changes = collect ? new ArrayList<>(1 + uniqueKeys.size()) : null;
        long second = at.getEpochSecond();
        long stamp = lock.writeLock();
        try {
            if (!ensureObject(instancePath, second, guard, changes)) {
                return changes;
            }
            for (Map.Entry<String, String> key : uniqueKeys.entrySet()) {
                apply(new ParameterValue(instancePath + key.getKey(), key.getValue(), ParameterType.UNKNOWN, null),
                        second, guard, changes);
            }
            written(at);
            return changes;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private boolean ensureObject(String instancePath, long second, IngestGuard guard, List<TwinChange> changes) {
        int pathId = guard.pathId(id, schema, instancePath, ParameterPath.Usage.INSTANCE);
        if (pathId < 0) {
            return false;
        }
        int slot = table.indexOf(pathId);
        if (slot < 0) {
            if (!guard.acceptNewSlot(id, table.size(), instancePath)) {
                return false;
            }
            slot = table.insert(-slot - 1, pathId);
            if (changes != null) {
                changes.add(new TwinChange(TwinChange.Kind.OBJECT_CREATED, instancePath, null, null));
            }
        }
        table.setObservedSecond(slot, second);
        return true;
    }

    /** Removes an instance and everything below it; a no-op when the twin does not have it. */
    List<TwinChange> objectDeleted(String instancePath, Instant at, boolean collect) {
        long stamp = lock.writeLock();
        try {
            boolean[] remove = new boolean[table.size()];
            boolean any = false;
            for (int i = 0; i < table.size(); i++) {
                if (schema.path(table.pathId(i)).startsWith(instancePath)) {
                    remove[i] = true;
                    any = true;
                }
            }
            if (!any) {
                return collect ? List.of() : null;
            }
            table.removeAll(remove);
            written(at);
            return collect ? List.of(new TwinChange(TwinChange.Kind.OBJECT_DELETED, instancePath, null, null)) : null;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    Optional<TwinParameter> get(String path) {
        long stamp = lock.readLock();
        try {
            int pathId = schema.idOf(path);
            int slot = pathId < 0 ? -1 : table.indexOf(pathId);
            return slot < 0 || table.isObject(slot) ? Optional.empty() : Optional.of(parameter(slot));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Parameters matching {@code pattern}, in {@link PathOrder} (see {@link TwinScan#matching}). */
    List<TwinParameter> read(PathPattern pattern) {
        if (pattern.isExact()) {
            return get(pattern.text()).map(List::of).orElse(List.of());
        }
        // a re-sort of the schema's order (rare, after it grew) happens here, before this twin's lock is taken
        warmOrder();
        long stamp = lock.readLock();
        try {
            return TwinScan.matching(schema, table, pattern, new ParameterFactory()::parameter);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private void warmOrder() {
        TwinSchema current;
        long stamp = lock.readLock();
        try {
            current = schema;
        } finally {
            lock.unlockRead(stamp);
        }
        current.order();
    }

    /** Instance numbers present directly below {@code tablePath} (e.g. {@code Device.Hosts.Host.}). */
    List<Integer> instances(String tablePath) {
        long stamp = lock.readLock();
        try {
            return TwinScan.instances(schema, table, tablePath);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    TwinFacts facts() {
        long stamp = lock.readLock();
        try {
            return new TwinFacts(schema.key(), table.parameterCount(), instantOrNull(lastFullSyncMillis),
                    instantOrNull(lastUpdateMillis));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    boolean fullySynced() {
        long stamp = lock.readLock();
        try {
            return lastFullSyncMillis != NEVER;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Everything in the twin, read under one lock, for persistence. */
    PersistedTwin export() {
        List<TwinParameter> parameters = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        long stamp = lock.readLock();
        try {
            for (int i = 0; i < table.size(); i++) {
                if (table.isObject(i)) {
                    objects.add(schema.path(table.pathId(i)));
                } else {
                    parameters.add(parameter(i));
                }
            }
            return new PersistedTwin(id, schema.key(), parameters, objects, instantOrNull(lastFullSyncMillis));
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private TwinParameter parameter(int slot) {
        return new TwinParameter(schema.path(table.pathId(slot)), table.value(slot), table.type(slot),
                table.writable(slot), Instant.ofEpochSecond(table.observedSecond(slot)));
    }

    /**
     * Builds the parameters of one read, sharing the {@link Instant} of consecutive slots observed in the same second
     * (after a snapshot, all of them): hundreds fewer allocations for a subtree read. Used under the read lock.
     */
    private final class ParameterFactory {
        private long second = Long.MIN_VALUE;
        private Instant instant;

        TwinParameter parameter(int slot) {
            long observed = table.observedSecond(slot);
            if (observed != second) {
                second = observed;
                instant = Instant.ofEpochSecond(observed);
            }
            return new TwinParameter(schema.path(table.pathId(slot)), table.value(slot), table.type(slot),
                    table.writable(slot), instant);
        }
    }

    private static Instant instantOrNull(long millis) {
        return millis == NEVER ? null : Instant.ofEpochMilli(millis);
    }
}
