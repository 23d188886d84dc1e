package io.cpeoperator.operator.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process serves), {@code /readyz} (the reconcilers run) and {@code /metrics} (Prometheus). */
public final class HealthEndpoints {

    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;

    public HealthEndpoints(BooleanSupplier ready, PrometheusMeterRegistry registry) {
        this.ready = ready;
        this.registry = registry;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/healthz", (exchange, vars) -> {
                    exchange.allowOnlyQuery(Set.of());
                    exchange.text(200, "text/plain; charset=utf-8", "ok\n");
                }),
                Route.get("/readyz", (exchange, vars) -> {
                    exchange.allowOnlyQuery(Set.of());
                    boolean isReady = ready.getAsBoolean();
                    exchange.text(isReady ? 200 : 503, "text/plain; charset=utf-8", isReady ? "ready\n" : "not ready\n");
                }),
                Route.get("/metrics", (exchange, vars) -> {
                    exchange.allowOnlyQuery(Set.of());
                    exchange.text(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                }));
    }
}
