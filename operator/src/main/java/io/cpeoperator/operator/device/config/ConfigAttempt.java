package io.cpeoperator.operator.device.config;

import io.cpeoperator.bridge.device.ParameterFault;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator's memory of its last write of desired parameters to one device: what was sent for which desired set,
 * whether it is still in flight, and how it ended. Immutable; replaced as a whole.
 *
 * @param desiredKey    identifies the desired parameter set the attempt was for (a new spec starts afresh)
 * @param sent          the values sent
 * @param repair        true when the values were sent to repair drift after they had been applied once
 * @param inFlight      true until the device answered
 * @param failures      consecutive failed attempts for this desired set
 * @param permanent     true when the device refused for good (bad path, read-only, bad value)
 * @param faultCode     the device's fault code of the last failure, 0 when none
 * @param faultMessage  the device's fault message of the last failure
 * @param faults        per-parameter faults of the last failure
 * @param finishedAt    when the last attempt ended
 * @param verifyAsked   true once the twin was asked to re-read the written paths after a success that it did not show
 */
record ConfigAttempt(String desiredKey, Map<String, String> sent, boolean repair, boolean inFlight, int failures,
                     boolean permanent, int faultCode, String faultMessage, List<ParameterFault> faults,
                     Instant finishedAt, boolean verifyAsked) {

    ConfigAttempt {
        sent = Map.copyOf(sent);
        faults = List.copyOf(faults);
        faultMessage = faultMessage == null ? "" : faultMessage;
    }

    static ConfigAttempt started(String desiredKey, Map<String, String> sent, boolean repair, int previousFailures) {
        return new ConfigAttempt(desiredKey, sent, repair, true, previousFailures, false, 0, "", List.of(), null,
                false);
    }

    ConfigAttempt succeeded(Instant at) {
        return new ConfigAttempt(desiredKey, sent, repair, false, 0, false, 0, "", List.of(), at, false);
    }

    ConfigAttempt failed(Instant at, boolean isPermanent, int code, String message, List<ParameterFault> parameterFaults) {
        return new ConfigAttempt(desiredKey, sent, repair, false, failures + 1, isPermanent, code, message,
                parameterFaults, at, false);
    }

    ConfigAttempt verifying() {
        return new ConfigAttempt(desiredKey, sent, repair, false, failures, permanent, faultCode, faultMessage, faults,
                finishedAt, true);
    }

    boolean succeeded() {
        return !inFlight && finishedAt != null && faultCode == 0 && faults.isEmpty() && !permanent && failures == 0;
    }
}
