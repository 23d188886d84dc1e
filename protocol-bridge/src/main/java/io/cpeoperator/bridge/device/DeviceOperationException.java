package io.cpeoperator.bridge.device;

import java.util.List;

/**
 * A device answered an operation with a fault (CWMP SOAP Fault, USP Error) or the operation could not reach it.
 * Futures returned by a {@link DeviceGateway} complete exceptionally with this type.
 */
public class DeviceOperationException extends RuntimeException {

    /** Fault code used when the device could not be reached in time (no protocol fault exists for that). */
    public static final int UNREACHABLE = -1;
    /** Fault code used when the operation was cancelled because the device was forgotten or the bridge stopped. */
    public static final int CANCELLED = -2;

    private final int faultCode;
    private final String faultString;
    private final List<ParameterFault> parameterFaults;

    public DeviceOperationException(int faultCode, String faultString, List<ParameterFault> parameterFaults) {
        super(faultCode + " " + faultString);
        this.faultCode = faultCode;
        this.faultString = faultString;
        this.parameterFaults = List.copyOf(parameterFaults);
    }

    public DeviceOperationException(int faultCode, String faultString) {
        this(faultCode, faultString, List.of());
    }

    public int faultCode() {
        return faultCode;
    }

    public String faultString() {
        return faultString;
    }

    public List<ParameterFault> parameterFaults() {
        return parameterFaults;
    }

    /** True when the fault cannot go away by retrying: an invalid path, a read-only parameter, a bad value. */
    public boolean isPermanent() {
        return switch (faultCode) {
            // CWMP: invalid arguments, invalid name, invalid type, invalid value, non-writable
            case 9003, 9005, 9006, 9007, 9008 -> true;
            // USP: invalid arguments, invalid path, param read only, invalid value, invalid type, not writable
            case 7004, 7026, 7011, 7012, 7013, 7014 -> true;
            default -> !parameterFaults.isEmpty()
                    && parameterFaults.stream().allMatch(f -> new DeviceOperationException(f.code(), "").isPermanent());
        };
    }
}
