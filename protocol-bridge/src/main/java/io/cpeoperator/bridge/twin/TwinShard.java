package io.cpeoperator.bridge.twin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.bridge.device.DeviceId;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One shard of the twin store: a Caffeine cache of twins bounded by total weight (slots, i.e. parameters and object
 * instances). Caffeine's bookkeeping runs on the calling thread, so an eviction is reported before the write that
 * caused it returns, and tests see evictions deterministically after {@link #cleanUp()}.
 */
final class TwinShard {

    private final int index;
    private final Cache<DeviceId, DeviceTwin> twins;

    TwinShard(int index, long maxWeight, Consumer<DeviceTwin> onEvicted) {
        this.index = index;
        this.twins = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((DeviceId id, DeviceTwin twin) -> twin.weight())
                .evictionListener((DeviceId id, DeviceTwin twin, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (cause.wasEvicted() && twin != null) {
                        onEvicted.accept(twin);
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    int index() {
        return index;
    }

    DeviceTwin get(DeviceId id) {
        return twins.getIfPresent(id);
    }

    DeviceTwin getOrCreate(DeviceId id, Function<DeviceId, DeviceTwin> factory) {
        return twins.get(id, factory);
    }

    /**
     * Tells the cache that a twin's weight changed (Caffeine weighs on write only). A twin evicted or removed in the
     * meantime stays out: its data is lost, and that was already counted and reported.
     */
    void reweigh(DeviceTwin twin) {
        twins.asMap().replace(twin.id(), twin, twin);
    }

    void remove(DeviceId id) {
        twins.invalidate(id);
    }

    long devices() {
        return twins.estimatedSize();
    }

    long parameters() {
        return twins.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    void forEach(Consumer<DeviceTwin> action) {
        twins.asMap().values().forEach(action);
    }

    void cleanUp() {
        twins.cleanUp();
    }
}
