package io.cpeoperator.bridge.twin;

import java.util.Objects;

/**
 * A parameter as a protocol bridge observed it, on its way into the twin.
 *
 * @param path     full parameter path, e.g. {@code Device.WiFi.Radio.1.Channel}
 * @param value    the value as on the wire
 * @param type     its type ({@link ParameterType#UNKNOWN} when the protocol did not say)
 * @param writable whether it can be set; null when this observation does not say (the twin keeps what it knew)
 */
public record ParameterValue(String path, String value, ParameterType type, Boolean writable) {
    public ParameterValue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        type = type == null ? ParameterType.UNKNOWN : type;
    }

    public static ParameterValue of(String path, String value) {
        return new ParameterValue(path, value, ParameterType.UNKNOWN, null);
    }
}
