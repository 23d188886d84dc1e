package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.device.DeviceOperationException;

import java.util.concurrent.CompletionException;

/** Why a full sync failed, as far as it matters for asking the device again soon. */
public enum SyncFailureKind {
    /** The session died (dropped, superseded, timed out), the device was busy or the queue was full: retry. */
    TRANSIENT,
    /** The device will answer the same way next time (a fault on the walk it will not change, a tree too big). */
    PERMANENT,
    /** The device was forgotten or the ACS stops: nobody wants the sync any more. */
    CANCELLED;

    public static SyncFailureKind of(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TooManyParametersException) {
            return PERMANENT;
        }
        if (!(cause instanceof DeviceOperationException operation)) {
            // a bug on our side, not the device's: retrying cannot help and must not loop
            return PERMANENT;
        }
        int code = operation.faultCode();
        if (code == DeviceOperationException.CANCELLED) {
            return CANCELLED;
        }
        if (code == CwmpFault.CPE_METHOD_NOT_SUPPORTED || operation.isPermanent()) {
            return PERMANENT;
        }
        // unreachable, 9001 request denied, 9002 internal error, 9004 resources exceeded, 8004 queue full, and
        // vendor faults we cannot judge: bounded retries decide
        return TRANSIENT;
    }
}
