package io.cpeoperator.bridge.cwmp.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The ACS's session metrics; counters are created once and reused on the hot path. */
public final class CwmpMetrics {

    private final MeterRegistry registry;
    private final Counter sessionsStarted;
    private final Map<String, Counter> sessionsEnded = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();
    private final Map<String, Counter> rpcOutcomes = new ConcurrentHashMap<>();
    private final Counter orphanMessages;

    public CwmpMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sessionsStarted = Counter.builder("cpe.cwmp.sessions.started").register(registry);
        this.orphanMessages = Counter.builder("cpe.cwmp.messages.orphaned")
                .description("messages that belong to no live session (answered 204)").register(registry);
    }

    void activeSessions(Supplier<Number> count) {
        Gauge.builder("cpe.cwmp.sessions.active", count).register(registry);
    }

    void sessionStarted() {
        sessionsStarted.increment();
    }

    void sessionEnded(String outcome) {
        counter(sessionsEnded, "cpe.cwmp.sessions.ended", "outcome", outcome).increment();
    }

    /** A request refused as hostile or broken: malformed XML, DTD, too large, too deep, not SOAP ... */
    void rejected(String reason) {
        counter(rejected, "cpe.cwmp.requests.rejected", "reason", reason).increment();
    }

    void authFailure(String reason) {
        counter(authFailures, "cpe.cwmp.auth.failures", "reason", reason).increment();
    }

    void rpc(String method, boolean ok) {
        counter(rpcOutcomes, "cpe.cwmp.rpc", "method", method + (ok ? "|ok" : "|fault")).increment();
    }

    void orphan() {
        orphanMessages.increment();
    }

    public double rejectedCount(String reason) {
        Counter counter = rejected.get(reason.toLowerCase(Locale.ROOT));
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(Map<String, Counter> cache, String name, String tag, String value) {
        String key = value.toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(key, k -> {
            if (tag.equals("method")) {
                int bar = k.indexOf('|');
                return Counter.builder(name).tag("method", value.substring(0, bar))
                        .tag("outcome", k.substring(bar + 1)).register(registry);
            }
            return Counter.builder(name).tag(tag, k).register(registry);
        });
    }
}
