package io.cpeoperator.bridge.device;

/**
 * The device's own fault for one parameter: CWMP SetParameterValuesFault (9xxx codes) or a USP per-path error
 * (7xxx codes), kept as the device reported it.
 */
public record ParameterFault(String path, int code, String message) {
}
