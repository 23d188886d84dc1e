package io.cpeoperator.bridge.cwmp.session;

import io.cpeoperator.bridge.cwmp.queue.PendingRpc;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;

/**
 * One CWMP session: from an Inform to the 204 that ends it (or until the device vanishes). Holds at most one ACS
 * request in flight (MaxEnvelopes 1). Guarded by its own monitor: the session's requests and the timeout sweeper
 * never act on it at the same time.
 */
final class CwmpSession {

    private final String id;
    private final CwmpDevice device;
    private final CwmpVersion version;
    private final String connectionId;
    private final long startedNanos;
    private final long number;
    private volatile long lastActivityNanos;
    private PendingRpc<?> inFlight;
    private String inFlightId;
    private int nextRequestNumber = 1;
    private boolean acsDone;
    private boolean closed;

    CwmpSession(String id, CwmpDevice device, CwmpVersion version, String connectionId, long nowNanos) {
        this.id = id;
        this.device = device;
        this.version = version;
        this.connectionId = connectionId;
        this.startedNanos = nowNanos;
        this.lastActivityNanos = nowNanos;
        this.number = device.queue().beginSession();
    }

    /** The device's session number, which bounds the maintenance dropped when this session ends. */
    long number() {
        return number;
    }

    String id() {
        return id;
    }

    CwmpDevice device() {
        return device;
    }

    CwmpVersion version() {
        return version;
    }

    String connectionId() {
        return connectionId;
    }

    long startedNanos() {
        return startedNanos;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    /** Records the request about to be sent and returns the cwmp:ID to send it with. */
    String send(PendingRpc<?> rpc) {
        inFlight = rpc;
        inFlightId = "acs-" + nextRequestNumber++;
        acsDone = false;
        return inFlightId;
    }

    PendingRpc<?> takeInFlight() {
        PendingRpc<?> taken = inFlight;
        inFlight = null;
        inFlightId = null;
        return taken;
    }

    String inFlightId() {
        return inFlightId;
    }

    /** The ACS sent its 204: it has nothing more, though the CPE may still send held requests. */
    void acsDone() {
        acsDone = true;
    }

    boolean isAcsDone() {
        return acsDone;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the session for good and hands back an unanswered request, if any. */
    PendingRpc<?> close() {
        closed = true;
        return takeInFlight();
    }

    @Override
    public String toString() {
        return device.id() + "#" + id;
    }
}
