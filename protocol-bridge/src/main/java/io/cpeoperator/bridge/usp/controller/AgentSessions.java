package io.cpeoperator.bridge.usp.controller;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All agent endpoints seen since start, bounded in number. */
public final class AgentSessions {

    private final ConcurrentMap<String, AgentSession> sessions = new ConcurrentHashMap<>();
    private final int maxEndpoints;
    private final double ratePerSecond;
    private final int rateBurst;

    AgentSessions(int maxEndpoints, double ratePerSecond, int rateBurst) {
        this.maxEndpoints = maxEndpoints;
        this.ratePerSecond = ratePerSecond;
        this.rateBurst = rateBurst;
    }

    public Optional<AgentSession> find(String endpointId) {
        return Optional.ofNullable(sessions.get(endpointId));
    }

    /** The session of the endpoint, created on first contact; empty when the table is full. */
    Optional<AgentSession> findOrCreate(String endpointId, String recordVersion, long nowNanos) {
        AgentSession existing = sessions.get(endpointId);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (sessions.size() >= maxEndpoints) {
            return Optional.empty();
        }
        return Optional.of(sessions.computeIfAbsent(endpointId, id -> new AgentSession(id,
                new EndpointRateLimiter(ratePerSecond, rateBurst, nowNanos), recordVersion)));
    }

    void remove(String endpointId) {
        sessions.remove(endpointId);
    }

    public Collection<AgentSession> all() {
        return sessions.values();
    }
}
