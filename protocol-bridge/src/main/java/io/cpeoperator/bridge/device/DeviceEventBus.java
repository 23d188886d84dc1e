package io.cpeoperator.bridge.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;

/** Fans device events out to listeners; a failing listener is logged and never stops the others. Shared by the bridges. */
public final class DeviceEventBus {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEventBus.class);

    private final CopyOnWriteArrayList<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(DeviceEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(DeviceEvent event) {
        for (DeviceEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("{}: event listener failed on {}", event.deviceId(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
