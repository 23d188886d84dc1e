package io.cpeoperator.bridge.device;

import java.util.Map;

/**
 * The outcome of a successful parameter write.
 *
 * @param applied        the values the device accepted
 * @param pendingReboot  true when the device said the change takes effect only after a reboot (CWMP Status 1)
 */
public record SetParametersResult(Map<String, String> applied, boolean pendingReboot) {
    public SetParametersResult {
        applied = Map.copyOf(applied);
    }
}
