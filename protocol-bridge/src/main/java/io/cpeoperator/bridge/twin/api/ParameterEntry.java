package io.cpeoperator.bridge.twin.api;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.TwinParameter;

/**
 * One parameter in a read API response.
 *
 * @param type       the xsd type name as on the CWMP wire ({@code xsd:unsignedInt}), or {@code unknown} when the
 *                   device never said (USP before GetSupportedDM)
 * @param observedAt ISO-8601 instant the value was last read from or reported by the device (whole seconds)
 */
public record ParameterEntry(String path, String value, String type, boolean writable, String observedAt) {

    static ParameterEntry of(TwinParameter parameter) {
        String type = parameter.type() == ParameterType.UNKNOWN ? "unknown" : parameter.type().xsdName();
        return new ParameterEntry(parameter.path(), parameter.value(), type, parameter.writable(),
                parameter.observedAt().toString());
    }
}
