package io.cpeoperator.bridge.usp.controller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The controller's meters: records in and dropped (by reason), notifications by type, requests by outcome. */
public final class UspMetrics {

    /** Reasons for dropping an accepted-but-unwanted record, beyond the codec's {@code RejectReason}s. */
    public static final String WRONG_TO_ID = "wrong_to_id";
    public static final String SPOOFED_FROM_ID = "spoofed_from_id";
    public static final String UNKNOWN_ENDPOINT = "unknown_endpoint";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String QUEUE_FULL = "queue_full";
    public static final String TOO_MANY_ENDPOINTS = "too_many_endpoints";
    public static final String NO_REPLY_ROUTE = "no_reply_route";
    public static final String UNSOLICITED_RESPONSE = "unsolicited_response";
    public static final String SESSION_CONTEXT = "session_context_unsupported";
    public static final String UNSUPPORTED_MESSAGE = "unsupported_message";

    private final MeterRegistry registry;
    // one map per metric, keyed by the tag value: the hot path (every record) must not build strings
    private final ConcurrentMap<String, Counter> received = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> dropped = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> notifications = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> heartbeats = new ConcurrentHashMap<>();
    private final Counter silentAgents;
    private final Timer requestLatency;

    public UspMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requestLatency = Timer.builder("cpe.usp.request.latency").publishPercentiles(0.5, 0.99)
                .register(registry);
        this.silentAgents = counter("cpe.usp.agents.silent");
    }

    public void received(String mtp) {
        received.computeIfAbsent(mtp, tag -> counter("cpe.usp.records.received", "mtp", tag)).increment();
    }

    public void dropped(String reason) {
        dropped.computeIfAbsent(reason, tag -> counter("cpe.usp.records.dropped", "reason", tag)).increment();
    }

    public void notification(String type) {
        notifications.computeIfAbsent(type, tag -> counter("cpe.usp.notifications", "type", tag)).increment();
    }

    public void request(String type, String outcome) {
        requests.computeIfAbsent(type + "/" + outcome,
                key -> counter("cpe.usp.requests", "type", type, "outcome", outcome)).increment();
    }

    /** How an onboarding's heartbeat setup ended: {@code armed}, {@code not_subscribed}, {@code refused}. */
    public void heartbeatSetup(String outcome) {
        heartbeats.computeIfAbsent(outcome, tag -> counter("cpe.usp.heartbeat.setups", "outcome", tag)).increment();
    }

    /** An agent was reported disconnected because it stopped sending anything, heartbeats included. */
    public void agentSilent() {
        silentAgents.increment();
    }

    public void requestLatency(Duration duration) {
        requestLatency.record(duration);
    }

    /** Count of records dropped for the reason, for tests and status. */
    public double droppedCount(String reason) {
        Counter counter = dropped.get(reason);
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
