package io.cpeoperator.bridge.usp.testing;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every device event for assertions. */
public final class RecordingListener implements DeviceEventListener {

    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(DeviceEvent event) {
        events.add(event);
    }

    public <T extends DeviceEvent> List<T> of(DeviceId id, Class<T> type) {
        return events.stream().filter(e -> e.deviceId().equals(id)).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends DeviceEvent> T await(DeviceId id, Class<T> type) {
        Await.until(type.getSimpleName() + " of " + id, () -> !of(id, type).isEmpty());
        return of(id, type).get(0);
    }

    public <T extends DeviceEvent> void awaitCount(DeviceId id, Class<T> type, int count) {
        Await.until(count + " x " + type.getSimpleName() + " of " + id, () -> of(id, type).size() >= count);
    }
}
