package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.time.Instant;

/**
 * Told when a twin was evicted from memory (the store reached its parameter ceiling). The bridges turn this into
 * {@link io.cpeoperator.bridge.device.DeviceEvent.TwinEvicted}; the device's next contact runs a full sync.
 * Called on the thread that caused the eviction, inside the cache's bookkeeping: return quickly, never block, and do
 * not call back into the store.
 */
@FunctionalInterface
public interface TwinEvictionListener {
    void onEvicted(DeviceId deviceId, Instant at);
}
