package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes an agent send this controller a {@code Device.LocalAgent.Periodic!} event every heartbeat interval: the
 * Periodic! subscription is one of the {@link StandardSubscriptions}; this class sets
 * {@code PeriodicNotifInterval} on the agent's {@code Device.LocalAgent.Controller.{i}.} entry for this controller
 * (found by a search on its EndpointID), writing it only when it differs. The heartbeat keeps a silent agent
 * reachable after a controller restart (its next Periodic! carries the reply address) and lets
 * {@link AgentLiveness} notice an agent that is gone. Only an agent whose subscription and interval are both in
 * place is expected to beat; the others are never reported silent for lacking what they refused.
 */
final class HeartbeatSetup {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSetup.class);
    static final String INTERVAL = "PeriodicNotifInterval";

    private final UspOperations operations;
    private final UspMetrics metrics;
    // a fleet of agents without support must not flood the log: one line per reason per 10 s, with a count
    private final LogThrottle logThrottle = new LogThrottle(10_000_000_000L);
    private final String periodicSubscriptionId;
    private final String controllerEntry;
    private final String intervalSeconds;

    HeartbeatSetup(UspOperations operations, UspMetrics metrics, String periodicSubscriptionId, String controllerId,
                   Duration interval) {
        this.operations = operations;
        this.metrics = metrics;
        this.periodicSubscriptionId = periodicSubscriptionId;
        // a TR-369 search expression on the controller's own endpoint ID (from configuration, not from a device)
        this.controllerEntry = "Device.LocalAgent.Controller.[EndpointID==\"" + controllerId + "\"].";
        this.intervalSeconds = Long.toString(interval.toSeconds());
    }

    /**
     * Sets the interval now and, once {@code subscriptionsInPlace} completes, records on the session whether the
     * agent is expected to beat. Completes normally whatever the agent answers.
     */
    CompletableFuture<Boolean> arm(AgentSession session, CompletableFuture<List<String>> subscriptionsInPlace) {
        CompletableFuture<Boolean> interval = ensureInterval(session).exceptionally(failure -> {
            Throwable cause = AgentOnboarding.rootCause(failure);
            if (!(cause instanceof DeviceOperationException fault
                    && fault.faultCode() == DeviceOperationException.CANCELLED)) {
                warn("refused", session, "its heartbeat interval was not set (" + cause.getMessage() + ")");
            }
            return false;
        });
        return subscriptionsInPlace.thenCombine(interval, (subscriptions, intervalSet) -> {
            boolean subscribed = subscriptions.contains(periodicSubscriptionId);
            if (intervalSet && !subscribed) {
                warn("not_subscribed", session, "it has no Periodic! subscription");
            }
            boolean expected = intervalSet && subscribed;
            if (expected) {
                metrics.heartbeatSetup("armed");
            }
            session.heartbeatExpected(expected);
            return expected;
        });
    }

    private void warn(String outcome, AgentSession session, String why) {
        metrics.heartbeatSetup(outcome);
        long suppressed = logThrottle.permit(outcome);
        if (suppressed >= 0) {
            LOG.warn("{} sends no heartbeat: {}; its silence will not be taken for a disconnect{}", session.deviceId(),
                    why, suppressed > 0 ? " (" + suppressed + " more agents since the last report)" : "");
        }
    }

    private CompletableFuture<Boolean> ensureInterval(AgentSession session) {
        return operations.get(session, List.of(controllerEntry + INTERVAL), 0).thenCompose(response -> {
            Map<String, String> current = intervals(response);
            if (current.isEmpty()) {
                warn("refused", session, "it has no Device.LocalAgent.Controller entry for this controller");
                return CompletableFuture.completedFuture(false);
            }
            Map<String, String> changes = new LinkedHashMap<>();
            current.forEach((object, value) -> {
                if (!intervalSeconds.equals(value)) {
                    changes.put(object + INTERVAL, intervalSeconds);
                }
            });
            if (changes.isEmpty()) {
                return CompletableFuture.completedFuture(true);
            }
            return operations.set(session, changes, false).thenApply(done -> {
                LOG.debug("{}: heartbeat set to every {} s", session.deviceId(), intervalSeconds);
                return true;
            });
        });
    }

    /** Controller entry object path to its current interval. */
    private static Map<String, String> intervals(UspMsg.GetResp response) {
        Map<String, String> intervals = new LinkedHashMap<>();
        for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
            for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                for (UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry param : resolved.getResultParamsList()) {
                    if (INTERVAL.equals(param.getKey()) && resolved.getResolvedPath().endsWith(".")) {
                        intervals.put(resolved.getResolvedPath(), param.getValue());
                    }
                }
            }
        }
        return intervals;
    }
}
