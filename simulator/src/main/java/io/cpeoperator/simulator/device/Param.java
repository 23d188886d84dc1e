package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.twin.ParameterType;

/** A parameter as read from a device right now. */
public record Param(String path, String value, ParameterType type, boolean writable) {

    public String objectPath() {
        return path.substring(0, path.lastIndexOf('.') + 1);
    }

    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
