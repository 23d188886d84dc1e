package io.cpeoperator.simulator.model;

import io.cpeoperator.bridge.twin.ParameterType;

import java.util.Objects;

/**
 * One parameter of a model's schema, shared by every device of that model.
 *
 * @param path     full path with concrete instance numbers
 * @param presence null when the parameter always exists, else the presence of its dynamic instance
 * @param check    extra validation of written values beyond the type (ranges, enumerations); null for none
 */
public record ParamDef(String path, ParameterType type, boolean writable, ValueSource source, Presence presence,
                       ValueCheck check) {

    public ParamDef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        path = path.intern();
    }

    /** The object path that holds the parameter, e.g. {@code Device.DeviceInfo.} for {@code Device.DeviceInfo.UpTime}. */
    public String objectPath() {
        return path.substring(0, path.lastIndexOf('.') + 1);
    }

    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public boolean isPresent(DeviceFacts device) {
        return presence == null || presence.isPresent(device);
    }
}
