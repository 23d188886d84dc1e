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
    private final String periodicSubscriptionId;
    private final String controllerEntry;
    private final String intervalSeconds;

    HeartbeatSetup(UspOperations operations, String periodicSubscriptionId, String controllerId, Duration interval) {
        this.operations = operations;
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
            if (!(AgentOnboarding.rootCause(failure) instanceof DeviceOperationException fault
                    && fault.faultCode() == DeviceOperationException.CANCELLED)) {
                LOG.warn("{}: heartbeat interval not set, its silence will not be taken for a disconnect: {}",
                        session.deviceId(), AgentOnboarding.rootCause(failure).getMessage());
            }
            return false;
        });
        return subscriptionsInPlace.thenCombine(interval, (subscriptions, intervalSet) -> {
            boolean expected = intervalSet && subscriptions.contains(periodicSubscriptionId);
            session.heartbeatExpected(expected);
            return expected;
        });
    }

    private CompletableFuture<Boolean> ensureInterval(AgentSession session) {
        return operations.get(session, List.of(controllerEntry + INTERVAL), 0).thenCompose(response -> {
            Map<String, String> current = intervals(response);
            if (current.isEmpty()) {
                LOG.warn("{} has no Device.LocalAgent.Controller entry for this controller; no heartbeat",
                        session.deviceId());
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
                LOG.info("{}: heartbeat set to every {} s", session.deviceId(), intervalSeconds);
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
