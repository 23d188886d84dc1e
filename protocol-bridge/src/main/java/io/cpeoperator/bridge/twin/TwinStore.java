package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digital twins of all devices: each device's full parameter tree with types, writability and observation
 * times. Protocol bridges write; reconcilers, QoE checks and the read API read. Thread-safe.
 *
 * <p>Path patterns: a full parameter path ({@code Device.DeviceInfo.UpTime}), a partial path ending in '.'
 * ({@code Device.WiFi.}) for a subtree, either of them with {@code *} for any instance number
 * ({@code Device.WiFi.AccessPoint.*.AssociatedDevice.*.SignalStrength}).
 */
public interface TwinStore {

    /**
     * Replaces the device's whole tree with a full snapshot (initial sync). Readers see either the old tree or the
     * new one, never a mix. Clears the "needs full sync" mark.
     */
    void applySnapshot(DeviceId id, TwinSchemaKey schema, Collection<ParameterValue> parameters, Instant observedAt);

    /** Applies value changes (Inform parameters, value-change notifications, bulk-data rows, Get responses). */
    void applyUpdates(DeviceId id, Collection<ParameterValue> updates, Instant observedAt);

    /**
     * Applies samples that may arrive late or out of order (bulk-data reports, retained failed reports): unlike
     * {@link #applyUpdates}, a parameter whose twin value was observed in a later second than {@code observedAt}
     * keeps that value, and a device without a twin is left alone (no twin of unknown model is started). Samples of
     * the same second overwrite, as updates do. Observation times have whole-second precision.
     *
     * <p>The default reads before it writes, which is enough for single-writer fakes; {@link ShardedTwinStore}
     * checks and writes under the twin's lock.
     */
    default SampleWrite applySamples(DeviceId id, Collection<ParameterValue> samples, Instant observedAt) {
        if (!contains(id)) {
            return SampleWrite.noTwin();
        }
        long second = observedAt.getEpochSecond();
        List<ParameterValue> newer = samples.stream()
                .filter(sample -> get(id, sample.path())
                        .map(held -> held.observedAt().getEpochSecond() <= second).orElse(true))
                .toList();
        applyUpdates(id, newer, observedAt);
        return new SampleWrite(true, newer.size(), samples.size() - newer.size());
    }

    /** Records a new object instance ({@code Device.Hosts.Host.7.}) with its unique keys where known. */
    void objectCreated(DeviceId id, String instancePath, Map<String, String> uniqueKeys, Instant observedAt);

    /** Removes an object instance and everything below it. */
    void objectDeleted(DeviceId id, String instancePath, Instant observedAt);

    /** One parameter by its full path. */
    Optional<TwinParameter> get(DeviceId id, String path);

    /** All parameters matching a pattern (see the class comment), in path order. */
    List<TwinParameter> read(DeviceId id, String pathPattern);

    /** Like {@link #read} but splits the result into values observed within {@code maxAge} and stale paths. */
    MaxAgeRead readWithMaxAge(DeviceId id, String pathPattern, Duration maxAge, Instant now);

    /** The instance numbers currently present under a multi-instance table path such as {@code Device.Hosts.Host.}. */
    List<Integer> instances(DeviceId id, String tablePath);

    /** Compares desired values with the twin. */
    ConfigDiff diff(DeviceId id, Map<String, String> desired);

    /** Facts for status; empty when the store has no twin of the device. */
    Optional<TwinFacts> facts(DeviceId id);

    boolean contains(DeviceId id);

    /** True when the device was never synced, or its twin was evicted: its next contact must sync everything. */
    boolean needsFullSync(DeviceId id);

    /** Forgets the device entirely (its CpeDevice was deleted). */
    void remove(DeviceId id);

    /** Registers a listener for change batches of every device. */
    Subscription addListener(TwinChangeListener listener);

    /**
     * Registers a listener for twins evicted from memory. Stores that never evict (test fakes) need not override
     * this; {@link #needsFullSync} stays the authoritative answer either way.
     */
    default Subscription addEvictionListener(TwinEvictionListener listener) {
        return () -> { };
    }
}
