package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The twin store: devices spread over {@link TwinShard}s by {@link DeviceHash}, each shard a Caffeine cache bounded
 * by parameter count; paths interned per model and firmware ({@link TwinSchema}); per-device values packed in a
 * {@link SlotTable}. Evictions are counted in {@code cpe.twin.evictions}, reported to eviction listeners, and leave
 * the device needing a full sync.
 *
 * <p>Writes to one device are serialised by its twin's lock and are visible as a whole; writes to different devices
 * run in parallel. Change listeners run on the writing thread after the batch is visible. Reads with a malformed
 * pattern throw {@link IllegalArgumentException} (validate user input with {@link ParameterPath} first); writes never
 * throw for bad device data, they skip and count it ({@code cpe.twin.rejected}).
 */
public final class ShardedTwinStore implements TwinStore {

    private static final Logger LOG = LoggerFactory.getLogger(ShardedTwinStore.class);
    /** Schema of twins created by partial updates before any snapshot told the device's model. */
    static final TwinSchemaKey UNKNOWN_SCHEMA = new TwinSchemaKey("", "", "");

    private final TwinShard[] shards;
    private final SchemaRegistry schemas;
    private final IngestGuard guard;
    private final Clock clock;
    private final Counter evictions;
    private final List<TwinChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TwinEvictionListener> evictionListeners = new CopyOnWriteArrayList<>();

    public ShardedTwinStore(TwinStoreConfig config, MeterRegistry registry, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schemas = new SchemaRegistry(config.maxPathsPerSchema());
        this.guard = new IngestGuard(config, registry);
        this.evictions = Counter.builder("cpe.twin.evictions")
                .description("Twins evicted from memory; each device re-syncs fully on its next contact")
                .register(registry);
        long perShard = Math.max(1, config.maxParameters() / config.shards());
        this.shards = new TwinShard[config.shards()];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new TwinShard(i, perShard, this::evicted);
        }
        Gauge.builder("cpe.twin.devices", this, ShardedTwinStore::deviceCount)
                .description("Devices with a twin in memory").register(registry);
        Gauge.builder("cpe.twin.parameters", this, ShardedTwinStore::parameterCount)
                .description("Parameters and object instances held in all twins").register(registry);
        Gauge.builder("cpe.twin.schemas", schemas, SchemaRegistry::size)
                .description("Interned path schemas (model and firmware combinations)").register(registry);
    }

    @Override
    public void applySnapshot(DeviceId id, TwinSchemaKey schemaKey, Collection<ParameterValue> parameters,
                              Instant observedAt) {
        TwinSchema schema = schemas.schemaFor(schemaKey == null ? UNKNOWN_SCHEMA : schemaKey);
        SlotTable table = SnapshotBuilder.build(id, schema, parameters, observedAt, guard);
        TwinShard shard = shardFor(id);
        DeviceTwin twin = shard.getOrCreate(id, k -> new DeviceTwin(k, schema, observedAt.getEpochSecond()));
        List<TwinChange> changes = twin.replace(schema, table, observedAt, hasListeners());
        shard.reweigh(twin);
        LOG.debug("{}: snapshot of {} entries applied", id, table.size());
        publish(id, changes);
    }

    @Override
    public void applyUpdates(DeviceId id, Collection<ParameterValue> updates, Instant observedAt) {
        if (updates.isEmpty()) {
            return;
        }
        TwinShard shard = shardFor(id);
        DeviceTwin twin = twinForWrite(shard, id, observedAt);
        int weightBefore = twin.weight();
        List<TwinChange> changes = twin.update(updates, observedAt, guard, hasListeners());
        if (twin.weight() != weightBefore) {
            shard.reweigh(twin);
        }
        publish(id, changes);
    }

    @Override
    public SampleWrite applySamples(DeviceId id, Collection<ParameterValue> samples, Instant observedAt) {
        TwinShard shard = shardFor(id);
        DeviceTwin twin = shard.get(id);
        if (twin == null) {
            return SampleWrite.noTwin();
        }
        if (samples.isEmpty()) {
            return new SampleWrite(true, 0, 0);
        }
        int weightBefore = twin.weight();
        List<TwinChange> changes = new ArrayList<>(0);
        int superseded = twin.sample(samples, observedAt, guard, hasListeners() ? changes : null);
        if (twin.weight() != weightBefore) {
            shard.reweigh(twin);
        }
        publish(id, changes);
        return new SampleWrite(true, samples.size() - superseded, superseded);
    }

    @Override
    public void objectCreated(DeviceId id, String instancePath, Map<String, String> uniqueKeys, Instant observedAt) {
        if (!guard.acceptPath(id, instancePath, ParameterPath.Usage.INSTANCE)) {
            return;
        }
        TwinShard shard = shardFor(id);
        DeviceTwin twin = twinForWrite(shard, id, observedAt);
        List<TwinChange> changes = twin.objectCreated(instancePath, uniqueKeys == null ? Map.of() : uniqueKeys,
                observedAt, guard, hasListeners());
        shard.reweigh(twin);
        publish(id, changes);
    }

    @Override
    public void objectDeleted(DeviceId id, String instancePath, Instant observedAt) {
        TwinShard shard = shardFor(id);
        if (!guard.acceptPath(id, instancePath, ParameterPath.Usage.INSTANCE)) {
            return;
        }
        DeviceTwin twin = shard.get(id);
        if (twin == null) {
            return;
        }
        List<TwinChange> changes = twin.objectDeleted(instancePath, observedAt, hasListeners());
        shard.reweigh(twin);
        publish(id, changes);
    }

    /**
     * The twin to write into; partial data for a device without a twin (an Inform before the first sync, an update
     * after an eviction) starts a twin of unknown model, which keeps {@link #needsFullSync} true until a snapshot.
     */
    private DeviceTwin twinForWrite(TwinShard shard, DeviceId id, Instant observedAt) {
        return shard.getOrCreate(id,
                k -> new DeviceTwin(k, schemas.schemaFor(UNKNOWN_SCHEMA), observedAt.getEpochSecond()));
    }

    @Override
    public Optional<TwinParameter> get(DeviceId id, String path) {
        DeviceTwin twin = twin(id);
        return twin == null || path == null ? Optional.empty() : twin.get(path);
    }

    @Override
    public List<TwinParameter> read(DeviceId id, String pathPattern) {
        PathPattern pattern = PathPattern.compile(pathPattern);
        DeviceTwin twin = twin(id);
        return twin == null ? List.of() : twin.read(pattern);
    }

    /**
     * GenieACS declare() semantics: values observed at or after {@code now - maxAge} are fresh, older ones are
     * listed as stale; when nothing matches (never read, or no twin) the pattern itself is stale, so the caller
     * fetches it from the device. Observation times have whole-second precision, rounded down (on the safe side).
     */
    @Override
    public MaxAgeRead readWithMaxAge(DeviceId id, String pathPattern, Duration maxAge, Instant now) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
        List<TwinParameter> matching = read(id, pathPattern);
        if (matching.isEmpty()) {
            return new MaxAgeRead(List.of(), List.of(pathPattern));
        }
        Instant oldestFresh = now.minus(maxAge);
        List<TwinParameter> fresh = new ArrayList<>(matching.size());
        List<String> stale = new ArrayList<>();
        for (TwinParameter parameter : matching) {
            if (parameter.observedAt().isBefore(oldestFresh)) {
                stale.add(parameter.path());
            } else {
                fresh.add(parameter);
            }
        }
        return new MaxAgeRead(fresh, stale);
    }

    @Override
    public List<Integer> instances(DeviceId id, String tablePath) {
        DeviceTwin twin = twin(id);
        if (twin == null || tablePath == null || !ParameterPath.isPartial(tablePath)) {
            return List.of();
        }
        return twin.instances(tablePath);
    }

    @Override
    public ConfigDiff diff(DeviceId id, Map<String, String> desired) {
        DeviceTwin twin = twin(id);
        return ConfigDiffer.diff(desired, twin == null ? null : twin::get);
    }

    @Override
    public Optional<TwinFacts> facts(DeviceId id) {
        DeviceTwin twin = twin(id);
        return twin == null ? Optional.empty() : Optional.of(twin.facts());
    }

    @Override
    public boolean contains(DeviceId id) {
        return twin(id) != null;
    }

    @Override
    public boolean needsFullSync(DeviceId id) {
        DeviceTwin twin = twin(id);
        return twin == null || !twin.fullySynced();
    }

    @Override
    public void remove(DeviceId id) {
        shardFor(id).remove(id);
    }

    @Override
    public Subscription addListener(TwinChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Subscription addEvictionListener(TwinEvictionListener listener) {
        Objects.requireNonNull(listener, "listener");
        evictionListeners.add(listener);
        return () -> evictionListeners.remove(listener);
    }

    public int shardCount() {
        return shards.length;
    }

    /** Runs pending cache bookkeeping (evictions) now; Caffeine otherwise amortises it over later writes. */
    public void cleanUp() {
        for (TwinShard shard : shards) {
            shard.cleanUp();
        }
    }

    /**
     * Visits the twins of one shard, read consistently one device at a time: the export side of
     * {@link TwinShardPersistence}.
     */
    public void exportShard(int shard, Consumer<PersistedTwin> sink) {
        shards[shard].forEach(twin -> sink.accept(twin.export()));
    }

    long deviceCount() {
        long total = 0;
        for (TwinShard shard : shards) {
            total += shard.devices();
        }
        return total;
    }

    long parameterCount() {
        long total = 0;
        for (TwinShard shard : shards) {
            total += shard.parameters();
        }
        return total;
    }

    private TwinShard shardFor(DeviceId id) {
        return shards[DeviceHash.shardOf(id, shards.length)];
    }

    private DeviceTwin twin(DeviceId id) {
        return shardFor(id).get(id);
    }

    private boolean hasListeners() {
        return !listeners.isEmpty();
    }

    private void publish(DeviceId id, List<TwinChange> changes) {
        if (changes == null || changes.isEmpty()) {
            return;
        }
        List<TwinChange> batch = List.copyOf(changes);
        for (TwinChangeListener listener : listeners) {
            try {
                listener.onChanges(id, batch);
            } catch (RuntimeException e) {
                LOG.warn("{}: twin change listener {} failed", id, listener, e);
            }
        }
    }

    private void evicted(DeviceTwin twin) {
        evictions.increment();
        Instant at = clock.instant();
        LOG.info("{}: twin evicted (parameter ceiling reached); next contact runs a full sync", twin.id());
        for (TwinEvictionListener listener : evictionListeners) {
            try {
                listener.onEvicted(twin.id(), at);
            } catch (RuntimeException e) {
                LOG.warn("{}: twin eviction listener {} failed", twin.id(), listener, e);
            }
        }
    }
}
