package io.cpeoperator.bridge.cwmp.registry;

import io.cpeoperator.bridge.cwmp.queue.DeviceRpcQueue;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;

import java.time.Instant;
import java.util.Optional;

/**
 * What the ACS keeps about one CWMP device between sessions: its queue of requests, where to reach it, what it
 * said about itself, its transfers in flight, and the state of its twin synchronisation.
 */
public final class CwmpDevice {

    private final DeviceId id;
    private final DeviceRpcQueue queue;
    private final TransferTracker transfers = new TransferTracker();
    private final SyncRetryState syncRetry = new SyncRetryState();
    private volatile DeviceIdentity identity;
    private volatile String connectionRequestUrl;
    private volatile CwmpVersion version = CwmpVersion.V1_0;
    private volatile Instant lastInform;
    private volatile boolean syncInProgress;
    private volatile boolean fullWalkFailed;
    private volatile boolean notificationsConfigured;
    private volatile boolean disconnectReported;

    CwmpDevice(DeviceId id, int queueCapacity) {
        this.id = id;
        this.queue = new DeviceRpcQueue(queueCapacity);
    }

    public DeviceId id() {
        return id;
    }

    public DeviceRpcQueue queue() {
        return queue;
    }

    public TransferTracker transfers() {
        return transfers;
    }

    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    public Optional<String> connectionRequestUrl() {
        return Optional.ofNullable(connectionRequestUrl);
    }

    public CwmpVersion version() {
        return version;
    }

    public Optional<Instant> lastInform() {
        return Optional.ofNullable(lastInform);
    }

    /** Records what an Inform said; a missing ConnectionRequestURL keeps the one known before. */
    public void informed(DeviceIdentity newIdentity, String newConnectionRequestUrl, CwmpVersion newVersion,
                         Instant at) {
        identity = newIdentity;
        if (newConnectionRequestUrl != null && !newConnectionRequestUrl.isBlank()) {
            connectionRequestUrl = newConnectionRequestUrl;
        }
        version = newVersion;
        lastInform = at;
        disconnectReported = false;
    }

    /**
     * True once when the device has been silent since before {@code silentSince}: the caller reports it
     * disconnected, and hears about it again only after the device's next Inform.
     */
    public boolean markDisconnectedIfSilentSince(Instant silentSince) {
        Instant last = lastInform;
        if (last == null || disconnectReported || !last.isBefore(silentSince)) {
            return false;
        }
        disconnectReported = true;
        return true;
    }

    public boolean syncInProgress() {
        return syncInProgress;
    }

    public void syncInProgress(boolean inProgress) {
        syncInProgress = inProgress;
    }

    /** True after a full GetParameterNames walk failed: this device is walked level by level from then on. */
    public boolean fullWalkFailed() {
        return fullWalkFailed;
    }

    public void markFullWalkFailed() {
        fullWalkFailed = true;
    }

    /** Retries of a failed full sync. */
    public SyncRetryState syncRetry() {
        return syncRetry;
    }

    public boolean notificationsConfigured() {
        return notificationsConfigured;
    }

    public void notificationsConfigured(boolean configured) {
        notificationsConfigured = configured;
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
