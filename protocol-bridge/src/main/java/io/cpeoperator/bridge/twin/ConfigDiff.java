package io.cpeoperator.bridge.twin;

import java.util.List;

/**
 * A desired {@code path -> value} map compared with the twin.
 *
 * @param changes  what must be sent to the device
 * @param matching paths whose twin value already equals the desired one
 * @param rejected paths that cannot be set, each with its reason
 */
public record ConfigDiff(List<Change> changes, List<String> matching, List<Rejected> rejected) {

    public ConfigDiff {
        changes = List.copyOf(changes);
        matching = List.copyOf(matching);
        rejected = List.copyOf(rejected);
    }

    public boolean inSync() {
        return changes.isEmpty() && rejected.isEmpty();
    }

    /** One value to write; {@code currentValue} is null when the twin has no value yet. */
    public record Change(String path, String currentValue, String desiredValue, ParameterType type) {
    }

    /** A path that cannot be written, and why. */
    public record Rejected(String path, Reason reason, String message) {
    }

    public enum Reason {
        /** Not a valid parameter path (syntax, wildcard, object path). */
        INVALID_PATH,
        /** The device's data model has no such parameter. */
        UNKNOWN_PATH,
        /** The parameter exists but is read-only. */
        NOT_WRITABLE,
        /** The value does not fit the parameter's type. */
        INVALID_VALUE
    }
}
