package io.cpeoperator.bridge.cwmp.registry;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All CWMP devices this ACS knows, seen or addressed since start. */
public final class CwmpDeviceRegistry {

    private final Map<DeviceId, CwmpDevice> devices = new ConcurrentHashMap<>();
    private final int queueCapacity;

    public CwmpDeviceRegistry(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public CwmpDevice getOrCreate(DeviceId id) {
        return devices.computeIfAbsent(id, key -> new CwmpDevice(key, queueCapacity));
    }

    public Optional<CwmpDevice> find(DeviceId id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Optional<CwmpDevice> remove(DeviceId id) {
        return Optional.ofNullable(devices.remove(id));
    }

    public Collection<CwmpDevice> all() {
        return devices.values();
    }

    public int size() {
        return devices.size();
    }
}
