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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Queues ACS requests for devices and wakes the devices up. Every TR-069 request can be sent this way; its future
 * completes in the device's next session with the typed response, or fails with a
 * {@link io.cpeoperator.bridge.device.DeviceOperationException} carrying the device's fault.
 *
 * <p>A device whose Connection Request cannot go out yet (the ACS-wide rate is used up, the device was asked moments
 * ago, or its session was just ending) is not left to its next periodic Inform, which may be a day away: it waits
 * here, in order, and is asked as soon as the limits allow, for as long as operations wait for it and it has no
 * session ({@link #retryWaiting}, on the ACS's timer). A fleet-wide change thus reaches every device at the ACS's
 * Connection Request rate, none of them lost.
 */
public final class CwmpOperations {

    /** Devices looked at per retry round: a long wait list costs a bounded slice of the timer thread. */
    private static final int MAX_LOOKED_AT_PER_ROUND = 2_000;

    private final CwmpDeviceRegistry devices;
    private final CwmpSessionEngine engine;
    private final ConnectionRequester connectionRequests;
    /** Devices to wake up once the limits allow, oldest first; guarded by itself. */
    private final Set<DeviceId> waiting = new LinkedHashSet<>();

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

    /**
     * Asks the device for a session now, unless it is in one that will pick queued work up. When the request cannot
     * go out now, the device waits for the next chance (see the class comment).
     */
    public CompletableFuture<ConnectionRequestOutcome> wakeUp(DeviceId id) {
        CompletableFuture<ConnectionRequestOutcome> outcome = tryWakeUp(id, false);
        if (mayAskAgain(outcome)) {
            synchronized (waiting) {
                waiting.add(id);
            }
        }
        return outcome;
    }

    /**
     * One round over the waiting devices, oldest first: a device no operation waits for any more leaves the list;
     * one in a session or asked moments ago keeps its place; the others are asked, until the ACS-wide rate is used
     * up for now.
     */
    void retryWaiting() {
        List<DeviceId> round;
        synchronized (waiting) {
            round = new ArrayList<>(Math.min(waiting.size(), MAX_LOOKED_AT_PER_ROUND));
            for (DeviceId id : waiting) {
                if (round.size() == MAX_LOOKED_AT_PER_ROUND) {
                    break;
                }
                round.add(id);
            }
        }
        for (DeviceId id : round) {
            Optional<CwmpDevice> device = devices.find(id);
            if (device.isEmpty() || !device.get().queue().hasOperations()) {
                forget(id);
                continue;
            }
            CompletableFuture<ConnectionRequestOutcome> outcome = tryWakeUp(id, true);
            if (outcome.getNow(null) == ConnectionRequestOutcome.RATE_LIMITED) {
                return; // no token left in this round; the rest keep their places
            }
            if (!mayAskAgain(outcome)) {
                forget(id);
            }
        }
    }

    /** How many devices wait for a Connection Request that could not go out yet. */
    public int waitingForWakeUp() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void forget(DeviceId id) {
        synchronized (waiting) {
            waiting.remove(id);
        }
    }

    private CompletableFuture<ConnectionRequestOutcome> tryWakeUp(DeviceId id, boolean retry) {
        if (engine.hasLiveSession(id)) {
            return CompletableFuture.completedFuture(ConnectionRequestOutcome.IN_SESSION);
        }
        CwmpDevice device = devices.getOrCreate(id);
        return connectionRequests.request(id, device.connectionRequestUrl(), retry);
    }

    /**
     * Not sent for a reason that passes: the rate, the device's own interval, or a session that may end before it
     * takes the work (its last request was already chosen).
     */
    private static boolean mayAskAgain(CompletableFuture<ConnectionRequestOutcome> outcome) {
        ConnectionRequestOutcome now = outcome.getNow(null);
        return now == ConnectionRequestOutcome.RATE_LIMITED || now == ConnectionRequestOutcome.RECENTLY_ASKED
                || now == ConnectionRequestOutcome.IN_SESSION;
    }
}
