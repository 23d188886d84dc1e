package io.cpeoperator.bridge.cwmp.session;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live sessions by cookie, by TCP connection and by device. A cookie that names a live session wins: behind a
 * reverse proxy that pools upstream connections, requests of several devices share one connection and only their
 * cookies tell them apart. Stale cookies name no live session (a new Inform ends the device's old one), so they fall
 * through to the connection, which covers devices that send no cookie at all. A device has at most one live session.
 */
final class SessionRegistry {

    private final Map<String, CwmpSession> byCookie = new ConcurrentHashMap<>();
    private final Map<String, CwmpSession> byConnection = new ConcurrentHashMap<>();
    private final Map<DeviceId, CwmpSession> byDevice = new ConcurrentHashMap<>();

    /** Adds a new session; returns the device's previous live session, which the caller must end. */
    CwmpSession add(CwmpSession session) {
        byCookie.put(session.id(), session);
        if (session.connectionId() != null) {
            byConnection.put(session.connectionId(), session);
        }
        CwmpSession previous = byDevice.put(session.device().id(), session);
        return previous == session ? null : previous;
    }

    /** The session of a request: by its cookie when that names a live session, else by its connection. */
    CwmpSession find(String connectionId, String cookie) {
        CwmpSession session = cookie == null ? null : byCookie.get(cookie);
        if (session == null && connectionId != null) {
            session = byConnection.get(connectionId);
        }
        return session;
    }

    /** The connection now carries another device's session (a proxy reuses it); the session stays live by cookie. */
    void detachConnection(CwmpSession session) {
        if (session.connectionId() != null) {
            byConnection.remove(session.connectionId(), session);
        }
    }

    CwmpSession findByConnection(String connectionId) {
        return connectionId == null ? null : byConnection.get(connectionId);
    }

    CwmpSession findByDevice(DeviceId id) {
        return byDevice.get(id);
    }

    boolean hasLiveSession(DeviceId id) {
        CwmpSession session = byDevice.get(id);
        return session != null && !session.isAcsDone();
    }

    void remove(CwmpSession session) {
        byCookie.remove(session.id(), session);
        if (session.connectionId() != null) {
            byConnection.remove(session.connectionId(), session);
        }
        byDevice.remove(session.device().id(), session);
    }

    /** Sessions idle since before {@code idleSinceNanos}. */
    List<CwmpSession> idleSince(long idleSinceNanos) {
        List<CwmpSession> idle = new ArrayList<>();
        for (CwmpSession session : byCookie.values()) {
            if (session.lastActivityNanos() - idleSinceNanos < 0) {
                idle.add(session);
            }
        }
        return idle;
    }

    List<CwmpSession> all() {
        return new ArrayList<>(byCookie.values());
    }

    int size() {
        return byCookie.size();
    }
}
