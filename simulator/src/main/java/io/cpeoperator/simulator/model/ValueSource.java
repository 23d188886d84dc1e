package io.cpeoperator.simulator.model;

/** Computes a parameter's current value from the device's facts; a constant for static values. */
@FunctionalInterface
public interface ValueSource {

    String valueFor(DeviceFacts device);

    static ValueSource constant(String value) {
        String shared = value.intern();
        return device -> shared;
    }
}
