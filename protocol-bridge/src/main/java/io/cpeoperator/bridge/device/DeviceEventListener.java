package io.cpeoperator.bridge.device;

/**
 * Receives device events. Called on protocol threads: implementations must return quickly and never block
 * (hand the event to a queue or an event source).
 */
@FunctionalInterface
public interface DeviceEventListener {
    void onEvent(DeviceEvent event);
}
