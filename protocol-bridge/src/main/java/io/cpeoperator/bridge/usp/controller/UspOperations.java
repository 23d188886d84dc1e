package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.Header.MsgType;
import io.cpeoperator.bridge.usp.wire.UspErrors;
import io.cpeoperator.bridge.usp.wire.UspMessages;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The controller's requests as typed futures: each completes with the response of its kind, or fails with a
 * {@link DeviceOperationException} carrying the agent's error code and per-path errors.
 */
public final class UspOperations {

    private final UspRequester requester;

    public UspOperations(UspRequester requester) {
        this.requester = requester;
    }

    public CompletableFuture<UspMsg.GetResp> get(AgentSession session, Collection<String> paths, int maxDepth) {
        return send(session, MsgType.GET, UspMessages.get(paths, maxDepth), UspMsg.Response::hasGetResp,
                UspMsg.Response::getGetResp, UspErrors::failureOf);
    }

    public CompletableFuture<UspMsg.SetResp> set(AgentSession session, Map<String, String> values,
                                                 boolean allowPartial) {
        return send(session, MsgType.SET, UspMessages.set(values, allowPartial), UspMsg.Response::hasSetResp,
                UspMsg.Response::getSetResp, UspErrors::failureOf);
    }

    public CompletableFuture<UspMsg.AddResp> add(AgentSession session, String table, Map<String, String> params,
                                                 boolean allowPartial) {
        return add(session, UspMessages.add(table, params, allowPartial));
    }

    public CompletableFuture<UspMsg.AddResp> add(AgentSession session, UspMsg.Request addRequest) {
        return send(session, MsgType.ADD, addRequest, UspMsg.Response::hasAddResp,
                UspMsg.Response::getAddResp, UspErrors::failureOf);
    }

    public CompletableFuture<UspMsg.DeleteResp> delete(AgentSession session, Collection<String> paths,
                                                       boolean allowPartial) {
        return send(session, MsgType.DELETE, UspMessages.delete(paths, allowPartial),
                UspMsg.Response::hasDeleteResp, UspMsg.Response::getDeleteResp, UspErrors::failureOf);
    }

    public CompletableFuture<UspMsg.OperateResp> operate(AgentSession session, String command, String commandKey,
                                                         Map<String, String> inputArgs) {
        return send(session, MsgType.OPERATE, UspMessages.operate(command, commandKey, inputArgs),
                UspMsg.Response::hasOperateResp, UspMsg.Response::getOperateResp, UspErrors::failureOf);
    }

    public CompletableFuture<UspMsg.GetSupportedDMResp> getSupportedDm(AgentSession session,
                                                                       Collection<String> paths,
                                                                       boolean firstLevelOnly) {
        return send(session, MsgType.GET_SUPPORTED_DM, UspMessages.getSupportedDm(paths, firstLevelOnly),
                UspMsg.Response::hasGetSupportedDmResp, UspMsg.Response::getGetSupportedDmResp,
                response -> Optional.empty());
    }

    public CompletableFuture<UspMsg.GetInstancesResp> getInstances(AgentSession session, Collection<String> paths,
                                                                   boolean firstLevelOnly) {
        return send(session, MsgType.GET_INSTANCES, UspMessages.getInstances(paths, firstLevelOnly),
                UspMsg.Response::hasGetInstancesResp, UspMsg.Response::getGetInstancesResp,
                response -> Optional.empty());
    }

    /** The agent's supported versions, e.g. {@code 1.0,1.1,1.2,1.3}. */
    public CompletableFuture<String> getSupportedProtocol(AgentSession session) {
        return send(session, MsgType.GET_SUPPORTED_PROTO, UspMessages.getSupportedProtocol(),
                UspMsg.Response::hasGetSupportedProtocolResp, UspMsg.Response::getGetSupportedProtocolResp,
                response -> Optional.<DeviceOperationException>empty())
                .thenApply(UspMsg.GetSupportedProtocolResp::getAgentSupportedProtocolVersions);
    }

    private <T> CompletableFuture<T> send(AgentSession session, MsgType type, UspMsg.Request request,
                                          java.util.function.Predicate<UspMsg.Response> has,
                                          Function<UspMsg.Response, T> extract,
                                          Function<T, Optional<DeviceOperationException>> failure) {
        return requester.send(session, type, request).thenApply(response -> {
            if (!has.test(response)) {
                throw new CompletionException(new DeviceOperationException(UspErrors.MESSAGE_FAILED,
                        "agent answered " + type + " with " + response.getRespTypeCase()));
            }
            T typed = extract.apply(response);
            Optional<DeviceOperationException> failed = failure.apply(typed);
            if (failed.isPresent()) {
                throw new CompletionException(failed.get());
            }
            return typed;
        });
    }
}
