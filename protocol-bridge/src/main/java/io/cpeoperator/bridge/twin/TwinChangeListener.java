package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.List;

/**
 * Receives batched changes of one device's twin: one call per applied snapshot or update batch. Called on the
 * updating thread after the batch is visible to readers: implementations must be quick and must not block.
 */
@FunctionalInterface
public interface TwinChangeListener {
    void onChanges(DeviceId deviceId, List<TwinChange> changes);
}
