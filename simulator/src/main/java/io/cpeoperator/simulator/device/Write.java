package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.twin.ParameterType;

/**
 * One value to write. {@code declaredType} is the CWMP {@code xsi:type} the ACS sent, or null when the protocol
 * carries none (USP).
 */
public record Write(String path, String value, ParameterType declaredType) {

    public static Write of(String path, String value) {
        return new Write(path, value, null);
    }
}
