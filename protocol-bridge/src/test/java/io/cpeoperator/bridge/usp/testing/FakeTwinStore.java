package io.cpeoperator.bridge.usp.testing;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.ConfigDiff;
import io.cpeoperator.bridge.twin.MaxAgeRead;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinFacts;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal in-test twin store: one sorted map of values per device, snapshots counted. */
public final class FakeTwinStore implements TwinStore {

    private final Map<DeviceId, NavigableMap<String, TwinParameter>> twins = new ConcurrentHashMap<>();
    private final Map<DeviceId, AtomicLong> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();

    @Override
    public void applySnapshot(DeviceId id, TwinSchemaKey schema, Collection<ParameterValue> parameters,
                              Instant observedAt) {
        NavigableMap<String, TwinParameter> tree = new ConcurrentSkipListMap<>();
        parameters.forEach(p -> tree.put(p.path(), toTwin(p, observedAt)));
        twins.put(id, tree);
        snapshots.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void applyUpdates(DeviceId id, Collection<ParameterValue> values, Instant observedAt) {
        NavigableMap<String, TwinParameter> tree = twins.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
        values.forEach(p -> tree.put(p.path(), toTwin(p, observedAt)));
        updates.addAndGet(values.size());
    }

    @Override
    public void objectCreated(DeviceId id, String instancePath, Map<String, String> uniqueKeys, Instant observedAt) {
        NavigableMap<String, TwinParameter> tree = twins.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>());
        uniqueKeys.forEach((k, v) -> tree.put(instancePath + k, toTwin(ParameterValue.of(instancePath + k, v),
                observedAt)));
        tree.putIfAbsent(instancePath, new TwinParameter(instancePath, "", null, false, observedAt));
    }

    @Override
    public void objectDeleted(DeviceId id, String instancePath, Instant observedAt) {
        NavigableMap<String, TwinParameter> tree = twins.get(id);
        if (tree != null) {
            tree.keySet().removeIf(path -> path.startsWith(instancePath));
        }
    }

    @Override
    public Optional<TwinParameter> get(DeviceId id, String path) {
        return Optional.ofNullable(twins.getOrDefault(id, new ConcurrentSkipListMap<>()).get(path));
    }

    @Override
    public List<TwinParameter> read(DeviceId id, String pathPattern) {
        return twins.getOrDefault(id, new ConcurrentSkipListMap<>()).values().stream()
                .filter(p -> p.path().startsWith(pathPattern)).toList();
    }

    @Override
    public MaxAgeRead readWithMaxAge(DeviceId id, String pathPattern, Duration maxAge, Instant now) {
        return new MaxAgeRead(read(id, pathPattern), List.of());
    }

    @Override
    public List<Integer> instances(DeviceId id, String tablePath) {
        return List.of();
    }

    @Override
    public ConfigDiff diff(DeviceId id, Map<String, String> desired) {
        return new ConfigDiff(List.of(), List.of(), List.of());
    }

    @Override
    public Optional<TwinFacts> facts(DeviceId id) {
        return Optional.empty();
    }

    @Override
    public boolean contains(DeviceId id) {
        return twins.containsKey(id);
    }

    @Override
    public boolean needsFullSync(DeviceId id) {
        return !snapshots.containsKey(id);
    }

    @Override
    public void remove(DeviceId id) {
        twins.remove(id);
        snapshots.remove(id);
    }

    @Override
    public Subscription addListener(io.cpeoperator.bridge.twin.TwinChangeListener listener) {
        return () -> { };
    }

    public long snapshotCount(DeviceId id) {
        AtomicLong count = snapshots.get(id);
        return count == null ? 0 : count.get();
    }

    public Optional<String> value(DeviceId id, String path) {
        return get(id, path).map(TwinParameter::value);
    }

    public long updateCount() {
        return updates.get();
    }

    private static TwinParameter toTwin(ParameterValue value, Instant at) {
        return new TwinParameter(value.path(), value.value(), value.type(), Boolean.TRUE.equals(value.writable()), at);
    }
}
