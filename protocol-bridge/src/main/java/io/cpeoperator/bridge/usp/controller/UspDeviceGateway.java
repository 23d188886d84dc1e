package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.device.Protocol;
import io.cpeoperator.bridge.device.SetParametersResult;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.proto.UspMsg;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The {@link DeviceGateway} for USP agents: operations become USP requests, reads come from the twin. */
public final class UspDeviceGateway implements DeviceGateway {

    private final AgentSessions sessions;
    private final UspOperations operations;
    private final UspRequester requester;
    private final FirmwareUpgrades firmware;
    private final TwinStore twin;
    private final DeviceEventBus events;
    private final Clock clock;

    UspDeviceGateway(AgentSessions sessions, UspOperations operations, UspRequester requester,
                     FirmwareUpgrades firmware, TwinStore twin, DeviceEventBus events, Clock clock) {
        this.sessions = sessions;
        this.operations = operations;
        this.requester = requester;
        this.firmware = firmware;
        this.twin = twin;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public TwinStore twins() {
        return twin;
    }

    @Override
    public Optional<DeviceIdentity> identity(DeviceId id) {
        return session(id).flatMap(AgentSession::identity);
    }

    @Override
    public boolean isConnected(DeviceId id) {
        return session(id).map(AgentSession::isConnected).orElse(false);
    }

    @Override
    public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values,
                                                              String parameterKey) {
        return withSession(id, session -> operations.set(session, values, false).thenApply(response -> {
            List<ParameterValue> applied = new ArrayList<>(values.size());
            values.forEach((path, value) -> applied.add(ParameterValue.of(path, value)));
            twin.applyUpdates(id, applied, clock.instant());
            return new SetParametersResult(values, false);
        }));
    }

    @Override
    public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
        return withSession(id, session -> operations.operate(session, "Device.Reboot()", commandKey, Map.of())
                .thenApply(response -> null));
    }

    @Override
    public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
        return withSession(id, session -> operations.operate(session, "Device.FactoryReset()", commandKey, Map.of())
                .thenApply(response -> null));
    }

    @Override
    public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
        return withSession(id, session -> firmware.download(session, download));
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, String path) {
        return read(id, List.of(path));
    }

    /** One Get carrying all the paths. */
    @Override
    public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
        return read(id, paths);
    }

    /** The agent's channel stays open: one Get for all the paths, now. */
    @Override
    public CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
        return read(id, paths);
    }

    /**
     * The agent answers each requested path on its own, so a path it refuses does not cost the others: their values
     * go to the twin, then the refused paths fail the read. (A Get whose every path failed is failed whole by
     * {@link UspOperations}.)
     */
    private CompletionStage<Void> read(DeviceId id, List<String> paths) {
        if (paths.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(paths));
        return withSession(id, session -> operations.get(session, distinct, 0).thenApply(response -> {
            List<ParameterValue> values = new ArrayList<>();
            List<ParameterFault> refused = new ArrayList<>();
            for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
                if (requested.getErrCode() != 0) {
                    refused.add(new ParameterFault(requested.getRequestedPath(), requested.getErrCode(),
                            requested.getErrMsg()));
                }
                for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                    for (var param : resolved.getResultParamsList()) {
                        values.add(ParameterValue.of(resolved.getResolvedPath() + param.getKey(), param.getValue()));
                    }
                }
            }
            twin.applyUpdates(id, values, clock.instant());
            if (!refused.isEmpty()) {
                throw new CompletionException(new DeviceOperationException(
                        refused.get(0).code(), "the agent refused " + refused.size() + " of the " + distinct.size()
                        + " path(s) read", refused));
            }
            return null;
        }));
    }

    /** Adds one object instance; completes with its instantiated path, e.g. {@code Device.BulkData.Profile.1.}. */
    public CompletionStage<String> addObject(DeviceId id, String tablePath, Map<String, String> params) {
        return withSession(id, session -> operations.add(session, tablePath, params, false).thenApply(response -> {
            String instance = response.getCreatedObjResultsCount() == 0 ? ""
                    : response.getCreatedObjResults(0).getOperStatus().getOperSuccess().getInstantiatedPath();
            if (instance.isEmpty()) {
                throw malformed("AddResp without an instantiated path");
            }
            twin.objectCreated(id, instance, Map.of(), clock.instant());
            List<ParameterValue> values = new ArrayList<>();
            params.forEach((name, value) -> values.add(ParameterValue.of(instance + name, value)));
            twin.applyUpdates(id, values, clock.instant());
            return instance;
        }));
    }

    /** Deletes object instances (allow_partial=false); completes with the affected paths. */
    public CompletionStage<List<String>> deleteObjects(DeviceId id, List<String> objectPaths) {
        return withSession(id, session -> operations.delete(session, objectPaths, false).thenApply(response -> {
            List<String> affected = new ArrayList<>();
            response.getDeletedObjResultsList().forEach(result ->
                    affected.addAll(result.getOperStatus().getOperSuccess().getAffectedPathsList()));
            affected.forEach(path -> twin.objectDeleted(id, path.endsWith(".") ? path : path + ".", clock.instant()));
            return affected;
        }));
    }

    /** Runs any command; completes with its output arguments (empty for asynchronous commands). */
    public CompletionStage<Map<String, String>> operate(DeviceId id, String command, String commandKey,
                                                        Map<String, String> inputArgs) {
        return withSession(id, session -> operations.operate(session, command, commandKey, inputArgs)
                .thenApply(response -> {
                    if (response.getOperationResultsCount() == 0) {
                        throw malformed("OperateResp without an operation result");
                    }
                    UspMsg.OperateResp.OperationResult result = response.getOperationResults(0);
                    return result.hasReqOutputArgs()
                            ? io.cpeoperator.bridge.usp.wire.UspMessages.toMap(
                            result.getReqOutputArgs().getOutputArgsList(),
                            UspMsg.OperateResp.OperationResult.OutputArgs.OutputArgsEntry::getKey,
                            UspMsg.OperateResp.OperationResult.OutputArgs.OutputArgsEntry::getValue)
                            : Map.<String, String>of();
                }));
    }

    @Override
    public void forget(DeviceId id) {
        if (id.protocol() != Protocol.USP) {
            return;
        }
        requester.cancelAll(id.key(), id + " was forgotten");
        sessions.remove(id.key());
        twin.remove(id);
    }

    @Override
    public Subscription subscribe(DeviceEventListener listener) {
        return events.subscribe(listener);
    }

    /** An answer that does not have the shape USP prescribes: the agent's fault, reported as such. */
    private static CompletionException malformed(String what) {
        return new CompletionException(new DeviceOperationException(
                io.cpeoperator.bridge.usp.wire.UspErrors.MESSAGE_FAILED, what));
    }

    private Optional<AgentSession> session(DeviceId id) {
        return id.protocol() == Protocol.USP ? sessions.find(id.key()) : Optional.empty();
    }

    private <T> CompletionStage<T> withSession(DeviceId id,
                                               java.util.function.Function<AgentSession, CompletableFuture<T>> call) {
        Optional<AgentSession> session = session(id);
        if (session.isEmpty()) {
            return CompletableFuture.failedFuture(new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                    id + " has not connected to this controller"));
        }
        return call.apply(session.get());
    }

}
