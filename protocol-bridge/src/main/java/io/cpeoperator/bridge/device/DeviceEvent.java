package io.cpeoperator.bridge.device;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Something a device did or something that happened to its session. Events only say "look again": the operator
 * reconciles from the twin and its own cached state, never from an event's payload alone.
 */
public sealed interface DeviceEvent {

    DeviceId deviceId();

    Instant at();

    /**
     * A device opened a session (CWMP Inform) or connected (USP connect record, Boot!, OnBoardRequest).
     *
     * @param reasons the CWMP event codes ("0 BOOTSTRAP", "2 PERIODIC", ...) or the USP trigger ("Boot!", ...)
     */
    record Connected(DeviceId deviceId, Instant at, DeviceIdentity identity, Set<String> reasons)
            implements DeviceEvent {
        public Connected {
            reasons = Set.copyOf(reasons);
        }
    }

    /** The device's channel closed (USP) or it missed its periodic sessions (CWMP). */
    record Disconnected(DeviceId deviceId, Instant at, String reason) implements DeviceEvent {
    }

    /** The device (re)booted; {@code cause} is the CWMP event code or the USP Boot! cause. */
    record Booted(DeviceId deviceId, Instant at, String cause, String softwareVersion) implements DeviceEvent {
    }

    /** A full synchronisation of the data model into the twin finished. */
    record Synced(DeviceId deviceId, Instant at, int parameterCount) implements DeviceEvent {
    }

    /** A full synchronisation failed; it is retried on the next contact. */
    record SyncFailed(DeviceId deviceId, Instant at, String reason) implements DeviceEvent {
    }

    /** The twin of the device changed (value changes, Inform parameters, objects created or deleted). */
    record TwinChanged(DeviceId deviceId, Instant at, Set<String> paths) implements DeviceEvent {
        public TwinChanged {
            paths = Set.copyOf(paths);
        }
    }

    /**
     * A transfer or an asynchronous command finished: CWMP TransferComplete / AutonomousTransferComplete, USP
     * OperationComplete. {@code faultCode} 0 means success.
     */
    record OperationCompleted(DeviceId deviceId, Instant at, String command, String commandKey, int faultCode,
                              String faultString, Map<String, String> outputs) implements DeviceEvent {
        public OperationCompleted {
            outputs = Map.copyOf(outputs);
        }

        public boolean succeeded() {
            return faultCode == 0;
        }
    }

    /** The twin of the device was evicted from memory; the next contact triggers a full re-sync. */
    record TwinEvicted(DeviceId deviceId, Instant at) implements DeviceEvent {
    }

    /** Any other event the device reported (diagnostics complete, vendor events, ...). */
    record Other(DeviceId deviceId, Instant at, String name, Map<String, String> details) implements DeviceEvent {
        public Other {
            details = Map.copyOf(details);
        }
    }
}
