package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.device.DeviceOperationException;

/** The device's tree is bigger than the ACS accepts: asking again finds the same tree, so this is not retried. */
final class TooManyParametersException extends DeviceOperationException {

    TooManyParametersException(int maxParameters) {
        super(8004, "device reports more than " + maxParameters + " parameters");
    }
}
