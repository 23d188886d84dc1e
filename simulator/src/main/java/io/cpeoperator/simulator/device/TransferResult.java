package io.cpeoperator.simulator.device;

/**
 * The outcome of a firmware download, reported in the next session (CWMP TransferComplete) or as a USP
 * TransferComplete! event. {@code faultCode} 0 means success.
 */
public record TransferResult(String commandKey, String url, int faultCode, String faultString, long startMillis,
                             long completeMillis, int uspFaultCode) {

    public boolean succeeded() {
        return faultCode == 0;
    }
}
