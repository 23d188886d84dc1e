package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestOutcome;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequester;
import io.cpeoperator.bridge.cwmp.queue.RpcLane;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.CwmpDeviceRegistry;
import io.cpeoperator.bridge.cwmp.session.CwmpSessionEngine;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.device.DeviceId;

import java.util.concurrent.CompletableFuture;

/**
 * Queues ACS requests for devices and wakes the devices up. Every TR-069 request can be sent this way; its future
 * completes in the device's next session with the typed response, or fails with a
 * {@link io.cpeoperator.bridge.device.DeviceOperationException} carrying the device's fault.
 */
public final class CwmpOperations {

    private final CwmpDeviceRegistry devices;
    private final CwmpSessionEngine engine;
    private final ConnectionRequester connectionRequests;

    CwmpOperations(CwmpDeviceRegistry devices, CwmpSessionEngine engine, ConnectionRequester connectionRequests) {
        this.devices = devices;
        this.engine = engine;
        this.connectionRequests = connectionRequests;
    }

    /** Queues {@code request} for the device and sends it a Connection Request unless it is in a session. */
    public <R extends CwmpResponse> CompletableFuture<R> submit(DeviceId id, CwmpRequest<R> request) {
        CompletableFuture<R> answer = devices.getOrCreate(id).queue().enqueue(request, RpcLane.OPERATION);
        wakeUp(id);
        return answer;
    }

    /** Asks the device for a session now, unless it is in one that will pick queued work up. */
    public CompletableFuture<ConnectionRequestOutcome> wakeUp(DeviceId id) {
        if (engine.hasLiveSession(id)) {
            return CompletableFuture.completedFuture(ConnectionRequestOutcome.IN_SESSION);
        }
        CwmpDevice device = devices.getOrCreate(id);
        return connectionRequests.request(id, device.connectionRequestUrl());
    }
}
