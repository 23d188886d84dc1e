package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Creates the controller's standard subscriptions on an agent, idempotently: the IDs are the controller's own and
 * fixed ({@code <prefix>boot}, {@code <prefix>value-change}, ...), the agent's existing
 * {@code Device.LocalAgent.Subscription.*.ID}s are read first, and only missing ones are added. Reconnects, agent
 * reboots (non-persistent subscriptions vanish) and controller restarts therefore never create duplicates.
 */
final class StandardSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(StandardSubscriptions.class);
    static final String TABLE = "Device.LocalAgent.Subscription.";
    static final String PERIODIC_EVENT = "Device.LocalAgent.Periodic!";

    /** One subscription the controller wants on every agent. */
    record Wanted(String id, String notifType, String referenceList, boolean notifRetry) {
    }

    private final UspOperations operations;
    private final List<Wanted> wanted;
    private final String periodicId;

    StandardSubscriptions(UspOperations operations, String idPrefix, List<String> valueChangePaths,
                          List<String> objectPaths) {
        this.operations = operations;
        List<Wanted> list = new ArrayList<>();
        list.add(new Wanted(idPrefix + "boot", "Event", "Device.Boot!", true));
        if (!valueChangePaths.isEmpty()) {
            list.add(new Wanted(idPrefix + "value-change", "ValueChange", String.join(",", valueChangePaths), false));
        }
        if (!objectPaths.isEmpty()) {
            list.add(new Wanted(idPrefix + "object-creation", "ObjectCreation", String.join(",", objectPaths),
                    false));
            list.add(new Wanted(idPrefix + "object-deletion", "ObjectDeletion", String.join(",", objectPaths),
                    false));
        }
        list.add(new Wanted(idPrefix + "operation-complete", "OperationComplete", "Device.", true));
        // no retries: a lost heartbeat is replaced by the next one
        this.periodicId = idPrefix + "periodic";
        list.add(new Wanted(periodicId, "Event", PERIODIC_EVENT, false));
        this.wanted = List.copyOf(list);
    }

    List<Wanted> wanted() {
        return wanted;
    }

    /** The ID of the {@code Device.LocalAgent.Periodic!} subscription. */
    String periodicId() {
        return periodicId;
    }

    /** Completes with the IDs of the wanted subscriptions in place on the agent afterwards (found or created). */
    CompletableFuture<List<String>> ensure(AgentSession session) {
        return operations.get(session, List.of(TABLE + "*.ID"), 0)
                .thenApply(StandardSubscriptions::existingIds)
                .thenCompose(existing -> addMissing(session, existing));
    }

    private CompletableFuture<List<String>> addMissing(AgentSession session, Set<String> existing) {
        UspMsg.Add.Builder add = UspMsg.Add.newBuilder().setAllowPartial(true);
        List<String> inPlace = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Wanted subscription : wanted) {
            if (existing.contains(subscription.id())) {
                inPlace.add(subscription.id());
                continue;
            }
            missing.add(subscription.id());
            UspMsg.Add.CreateObject.Builder create = UspMsg.Add.CreateObject.newBuilder().setObjPath(TABLE);
            settings(subscription).forEach((param, value) -> create.addParamSettings(
                    UspMsg.Add.CreateParamSetting.newBuilder().setParam(param).setValue(value).setRequired(true)));
            add.addCreateObjs(create);
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(inPlace);
        }
        return operations.add(session, UspMsg.Request.newBuilder().setAdd(add).build()).thenApply(response -> {
            // one result per create_objs entry, in order (TR-369 AddResp)
            List<String> created = new ArrayList<>();
            for (int i = 0; i < missing.size() && i < response.getCreatedObjResultsCount(); i++) {
                UspMsg.AddResp.CreatedObjectResult result = response.getCreatedObjResults(i);
                if (result.getOperStatus().hasOperFailure()) {
                    LOG.warn("{} refused the standard subscription {}: {} {}", session.deviceId(), missing.get(i),
                            result.getOperStatus().getOperFailure().getErrCode(),
                            result.getOperStatus().getOperFailure().getErrMsg());
                } else {
                    created.add(missing.get(i));
                }
            }
            LOG.info("{}: created subscriptions {}", session.deviceId(), created);
            inPlace.addAll(created);
            return inPlace;
        });
    }

    private static Map<String, String> settings(Wanted subscription) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("Enable", "true");
        settings.put("ID", subscription.id());
        settings.put("NotifType", subscription.notifType());
        settings.put("ReferenceList", subscription.referenceList());
        settings.put("Persistent", "true");
        settings.put("NotifRetry", Boolean.toString(subscription.notifRetry()));
        return settings;
    }

    private static Set<String> existingIds(UspMsg.GetResp response) {
        Set<String> ids = new HashSet<>();
        for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
            for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                for (UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry param : resolved.getResultParamsList()) {
                    if ("ID".equals(param.getKey())) {
                        ids.add(param.getValue());
                    }
                }
            }
        }
        return ids;
    }
}
