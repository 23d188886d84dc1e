package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.proto.UspMsg;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads an agent's whole data model into the twin: GetSupportedDM of {@code Device.} for types and writability,
 * GetInstances of the first-level objects to weigh them, then Get of {@code Device.} in chunks of first-level
 * objects (a heavy object, such as a host table with hundreds of entries, goes alone; light ones share a Get), at
 * most {@code perDevice} chunks in flight for the device and {@code overall} for all syncs together, then one
 * atomic snapshot.
 */
final class FullSync {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FullSync.class);
    private static final String ROOT = "Device.";
    /** Object instances one chunk may hold before the next first-level object goes into a new Get. */
    static final int INSTANCES_PER_GET = 64;

    private final UspOperations operations;
    private final TwinStore twin;
    private final AsyncLimiter overall;
    private final int perDevice;
    private final int pathsPerGet;
    private final Clock clock;

    FullSync(UspOperations operations, TwinStore twin, int overallConcurrency, int perDevice, int pathsPerGet,
             Clock clock) {
        this.operations = operations;
        this.twin = twin;
        this.overall = new AsyncLimiter(overallConcurrency);
        this.perDevice = perDevice;
        this.pathsPerGet = pathsPerGet;
        this.clock = clock;
    }

    /** Completes with the number of parameters now in the twin. */
    CompletableFuture<Integer> run(AgentSession session, DeviceIdentity identity) {
        return overall.run(() -> operations.getSupportedDm(session, List.of(ROOT), false))
                .thenApply(SupportedModel::from)
                .exceptionally(failure -> SupportedModel.empty())
                .thenCompose(model -> instanceCounts(session, model.firstLevelObjects())
                        .thenCompose(counts -> readChunks(session, model, counts)).thenApply(values -> {
                    twin.applySnapshot(session.deviceId(), new TwinSchemaKey(identity.oui(), identity.productClass(),
                            identity.softwareVersion()), values, clock.instant());
                    return values.size();
                }));
    }

    /** Instances below each first-level object; empty when the agent cannot tell (then chunks are by count). */
    private CompletableFuture<Map<String, Integer>> instanceCounts(AgentSession session, List<String> firstLevel) {
        if (firstLevel.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return overall.run(() -> operations.getInstances(session, firstLevel, false))
                .thenApply(response -> {
                    Map<String, Integer> counts = new HashMap<>();
                    for (UspMsg.GetInstancesResp.RequestedPathResult result : response.getReqPathResultsList()) {
                        counts.merge(result.getRequestedPath(), result.getCurrInstsCount(), Integer::sum);
                    }
                    return counts;
                })
                .exceptionally(failure -> Map.of());
    }

    private CompletableFuture<List<ParameterValue>> readChunks(AgentSession session, SupportedModel model,
                                                               Map<String, Integer> instanceCounts) {
        List<List<String>> chunks = chunks(model.firstLevelObjects(), instanceCounts, pathsPerGet);
        AsyncLimiter device = new AsyncLimiter(perDevice);
        ConcurrentLinkedQueue<ParameterValue> values = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (List<String> chunk : chunks) {
            // the root's own parameters come with depth 1; each first-level object comes whole
            int depth = chunk.equals(List.of(ROOT)) && !model.firstLevelObjects().isEmpty() ? 1 : 0;
            reads.add(device.run(() -> overall.run(() -> operations.get(session, chunk, depth)))
                    .exceptionally(failure -> skipPathErrors(failure, chunk))
                    .thenAccept(response -> collect(response, model, values)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .thenApply(done -> List.copyOf(values));
    }

    /** A chunk the agent answered with path errors is skipped; losing the agent fails the whole sync. */
    private static UspMsg.GetResp skipPathErrors(Throwable failure, List<String> chunk) {
        Throwable cause = AgentOnboarding.rootCause(failure);
        if (cause instanceof DeviceOperationException fault && fault.faultCode() > 0) {
            LOG.debug("skipping {} in the full sync: {}", chunk, fault.getMessage());
            return UspMsg.GetResp.getDefaultInstance();
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }

    /**
     * The root's own parameters, then first-level objects packed into Gets of at most {@code pathsPerGet} objects
     * and about {@link #INSTANCES_PER_GET} object instances.
     */
    static List<List<String>> chunks(List<String> firstLevel, Map<String, Integer> instanceCounts, int pathsPerGet) {
        List<List<String>> chunks = new ArrayList<>();
        chunks.add(List.of(ROOT));
        List<String> current = new ArrayList<>();
        int weight = 0;
        for (String object : firstLevel) {
            int instances = instanceCounts.getOrDefault(object, 0);
            if (!current.isEmpty() && (current.size() >= pathsPerGet || weight + instances > INSTANCES_PER_GET)) {
                chunks.add(List.copyOf(current));
                current.clear();
                weight = 0;
            }
            current.add(object);
            weight += instances;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    private static void collect(UspMsg.GetResp response, SupportedModel model,
                                ConcurrentLinkedQueue<ParameterValue> values) {
        for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
            for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                for (UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry param : resolved.getResultParamsList()) {
                    String path = resolved.getResolvedPath() + param.getKey();
                    SupportedModel.ParamInfo info = model.lookup(path);
                    values.add(info == null ? ParameterValue.of(path, param.getValue())
                            : new ParameterValue(path, param.getValue(), info.type(), info.writable()));
                }
            }
        }
    }
}
