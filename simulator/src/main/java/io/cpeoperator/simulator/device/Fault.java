package io.cpeoperator.simulator.device;

/**
 * Why a data-model operation failed, with the code each protocol uses for it (TR-069 Table A.5 fault codes,
 * TR-369 error codes) and the fault string real devices send.
 */
public enum Fault {
    METHOD_NOT_SUPPORTED(9000, 7001, "Method not supported"),
    REQUEST_DENIED(9001, 7002, "Request denied"),
    INTERNAL_ERROR(9002, 7003, "Internal error"),
    INVALID_ARGUMENTS(9003, 7004, "Invalid arguments"),
    RESOURCES_EXCEEDED(9004, 7005, "Resources exceeded"),
    INVALID_PATH(9005, 7026, "Invalid parameter name"),
    INVALID_TYPE(9006, 7011, "Invalid parameter type"),
    INVALID_VALUE(9007, 7012, "Invalid parameter value"),
    NOT_WRITABLE(9008, 7013, "Attempt to set a non-writable parameter"),
    NOT_A_TABLE(9005, 7018, "Invalid parameter name"),
    /** An Add whose unique key (Alias) another instance already has: TR-369 "Object exists with duplicate key". */
    DUPLICATE_KEY(9007, 7025, "Invalid parameter value"),
    DOWNLOAD_FAILURE(9010, 7022, "Download failure"),
    UNSUPPORTED_PROTOCOL(9013, 7022, "Unsupported protocol for file transfer"),
    FILE_CORRUPTED(9018, 7022, "File corrupted"),
    FILE_AUTHENTICATION_FAILURE(9019, 7022, "File authentication failure");

    private final int cwmpCode;
    private final int uspCode;
    private final String cwmpString;

    Fault(int cwmpCode, int uspCode, String cwmpString) {
        this.cwmpCode = cwmpCode;
        this.uspCode = uspCode;
        this.cwmpString = cwmpString;
    }

    public int cwmpCode() {
        return cwmpCode;
    }

    public int uspCode() {
        return uspCode;
    }

    /** The FaultString of a CWMP Fault / SetParameterValuesFault. */
    public String cwmpString() {
        return cwmpString;
    }
}
