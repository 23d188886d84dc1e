package io.cpeoperator.operator.qoe.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.bridge.device.DeviceId;

import java.time.Duration;

/**
 * Every device's {@link DeviceHistory}, bounded: at most {@code maxDevices} (about 1 KiB each), and a device not
 * evaluated for a day is dropped (its history would be too old to mean anything).
 */
public final class HistoryStore {

    private final Cache<DeviceId, DeviceHistory> histories;

    public HistoryStore(long maxDevices) {
        this.histories = Caffeine.newBuilder().maximumSize(maxDevices).expireAfterAccess(Duration.ofDays(1)).build();
    }

    public DeviceHistory of(DeviceId id) {
        return histories.get(id, key -> new DeviceHistory());
    }

    public void forget(DeviceId id) {
        histories.invalidate(id);
    }
}
