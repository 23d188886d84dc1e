package io.cpeoperator.bridge.device;

import io.cpeoperator.bridge.twin.TwinStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The one seam between the protocol bridges and the operator: twin reads, device operations returning futures,
 * and a stream of device events. The operator sees nothing of CWMP or USP beyond this interface.
 *
 * <p>Operations are queued for the device and complete when it answered: at once for a connected USP agent, in the
 * device's next session for CWMP (a Connection Request is sent to make that session happen soon). A future that
 * fails completes with a {@link DeviceOperationException}.
 */
public interface DeviceGateway {

    /** The digital twins, for reads. Writes to the twin belong to the bridges. */
    TwinStore twins();

    /** What the device reported about itself on its last contact, if it has been seen since start. */
    Optional<DeviceIdentity> identity(DeviceId id);

    /** True while a USP agent's channel is up, or a CWMP device keeps to its periodic sessions. */
    boolean isConnected(DeviceId id);

    /** Writes all values in one operation (USP Set with allow_partial=false, CWMP SetParameterValues). */
    CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values, String parameterKey);

    /** Reboots the device; completes when the device accepted the request. */
    CompletionStage<Void> reboot(DeviceId id, String commandKey);

    /** Resets the device to factory defaults; completes when the device accepted the request. */
    CompletionStage<Void> factoryReset(DeviceId id, String commandKey);

    /** Starts a firmware download; completes when the device accepted it (see {@link FirmwareDownload}). */
    CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download);

    /**
     * Re-reads a subtree (partial path ending in '.') or one parameter from the device into the twin. Several
     * parameters go through {@link #refresh(DeviceId, List)}: one request for all of them.
     */
    CompletionStage<Void> refresh(DeviceId id, String path);

    /**
     * Re-reads parameters (full names) from the device into the twin now, all in one request where the protocol
     * allows: one USP Get; one CWMP GetParameterValues (split only into the device's chunk size, the chunks in the
     * same session), in a session a Connection Request asks for unless the device is in one. Reading N values this
     * way costs one round trip, not N.
     *
     * <p>A name the device refuses (it does not know it, or no longer: CWMP fault 9005, a USP per-path error) does not
     * cost the others: their values land in the twin, then the future fails with a {@link DeviceOperationException}
     * whose {@link DeviceOperationException#parameterFaults() parameter faults} name the refused paths.
     */
    CompletionStage<Void> refresh(DeviceId id, List<String> paths);

    /**
     * Re-reads parameters (full names) into the twin at the device's next contact, without waking a device that
     * calls in by itself: a CWMP device is read in its next periodic session, not through a Connection Request
     * (checks that run every few minutes for a whole fleet must not cost one per device); a device whose channel
     * stays open (USP) is read now. Completes when the values are in the twin; refused names are reported as by
     * {@link #refresh(DeviceId, List)}.
     */
    default CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
        return refresh(id, paths);
    }

    /** Drops everything known about the device: twin, queued work, session state. */
    void forget(DeviceId id);

    /** Registers a listener for events of every device this gateway serves. */
    Subscription subscribe(DeviceEventListener listener);
}
