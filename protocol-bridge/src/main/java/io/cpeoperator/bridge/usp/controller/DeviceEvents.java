package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;

/** Fans device events out to listeners; a failing listener is logged and never stops the others. */
public final class DeviceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEvents.class);
    private final CopyOnWriteArrayList<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(DeviceEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emit(DeviceEvent event) {
        for (DeviceEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("device event listener failed on {} for {}", event.getClass().getSimpleName(),
                        event.deviceId(), e);
            }
        }
    }
}
