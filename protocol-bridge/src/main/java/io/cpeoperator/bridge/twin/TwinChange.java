package io.cpeoperator.bridge.twin;

/**
 * One change in a device's twin. For {@link Kind#OBJECT_CREATED} and {@link Kind#OBJECT_DELETED} the path is the
 * instance path ending in '.', and the values are null.
 */
public record TwinChange(Kind kind, String path, String oldValue, String newValue) {

    public enum Kind { VALUE_CHANGED, PARAMETER_ADDED, PARAMETER_REMOVED, OBJECT_CREATED, OBJECT_DELETED }
}
