package io.cpeoperator.simulator.model;

import java.util.Objects;

/**
 * An object (or table instance) of the schema.
 *
 * @param path      object path ending in '.', e.g. {@code Device.WiFi.Radio.1.}
 * @param writable  for CWMP GetParameterNames: a table that accepts AddObject, or an instance that can be deleted
 * @param presence  null when the object always exists
 * @param table     true for a multi-instance table path ({@code Device.Hosts.Host.})
 */
public record ObjectDef(String path, boolean writable, Presence presence, boolean table) {

    public ObjectDef {
        Objects.requireNonNull(path, "path");
        if (!path.endsWith(".")) {
            throw new IllegalArgumentException("object path must end in '.': " + path);
        }
        path = path.intern();
    }

    public boolean isPresent(DeviceFacts device) {
        return presence == null || presence.isPresent(device);
    }
}
