package io.cpeoperator.bridge.twin;

import java.time.Instant;

/**
 * A parameter as the twin holds it.
 *
 * @param observedAt when the value was last read from or reported by the device
 */
public record TwinParameter(String path, String value, ParameterType type, boolean writable, Instant observedAt) {
}
