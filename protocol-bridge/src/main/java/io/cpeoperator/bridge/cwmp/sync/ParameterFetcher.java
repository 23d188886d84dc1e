package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.cwmp.queue.RpcLane;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterInfoStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.device.DeviceOperationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Discovers names and fetches values through a device's queue. Values are only ever asked for by full parameter
 * names taken from a GetParameterNames answer or the twin: some devices die on partial paths or unknown names.
 * Chunks go one after the other (each waits for the previous answer), so a big tree never floods the queue.
 */
public final class ParameterFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterFetcher.class);

    private final int valuesPerRequest;
    private final int maxParameters;

    public ParameterFetcher(int valuesPerRequest, int maxParameters) {
        this.valuesPerRequest = valuesPerRequest;
        this.maxParameters = maxParameters;
    }

    /** Everything below {@code path} with one full walk (GetParameterNames NextLevel=false). */
    public CompletableFuture<List<ParameterInfoStruct>> walk(CwmpDevice device, String path, RpcLane lane) {
        return device.queue().enqueue(new GetParameterNames(path, false), lane)
                .thenCompose(response -> bounded(response.parameters()));
    }

    /**
     * Everything below {@code path}, one level per request, for devices that choke on a full walk. An object below
     * {@code path} that the device no longer knows when its level is asked for (9005: a LAN host left meanwhile) is
     * left out; each object is asked for once, so this costs no extra requests.
     */
    public CompletableFuture<List<ParameterInfoStruct>> walkLevels(CwmpDevice device, String path, RpcLane lane) {
        Deque<String> objects = new ArrayDeque<>();
        objects.add(path);
        return nextLevel(device, lane, path, objects, new ArrayList<>(), new HashSet<>());
    }

    private CompletableFuture<List<ParameterInfoStruct>> nextLevel(CwmpDevice device, RpcLane lane, String root,
                                                                   Deque<String> objects,
                                                                   List<ParameterInfoStruct> found,
                                                                   Set<String> visited) {
        String object = objects.pollFirst();
        if (object == null) {
            return CompletableFuture.completedFuture(found);
        }
        visited.add(object);
        return device.queue().enqueue(new GetParameterNames(object, true), lane)
                .thenApply(GetParameterNamesResponse::parameters)
                .exceptionallyCompose(failure -> {
                    if (object.equals(root) || !isInvalidName(failure)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    LOG.debug("{}: {} vanished since it was listed; left out", device.id(), object);
                    return CompletableFuture.completedFuture(List.of());
                })
                .thenCompose(parameters -> {
                    for (ParameterInfoStruct info : parameters) {
                        // a device listing the object itself, or a child twice, must not send the walk in circles
                        if (!info.name().startsWith(object) || !visited.add(info.name())) {
                            continue;
                        }
                        found.add(info);
                        if (info.isObject()) {
                            objects.addLast(info.name());
                        }
                    }
                    if (found.size() > maxParameters) {
                        return CompletableFuture.failedFuture(tooMany());
                    }
                    return nextLevel(device, lane, root, objects, found, visited);
                });
    }

    /**
     * Values of full parameter names, in chunks of the configured size, one chunk after the other. Any fault fails
     * the whole fetch: for names a caller asked for by name.
     */
    public CompletableFuture<List<ParameterValueStruct>> values(CwmpDevice device, List<String> names,
                                                                RpcLane lane) {
        return nextChunk(device, lane, names, 0, new ArrayList<>(names.size()), VanishedNames.notTolerated());
    }

    /**
     * Values of names the device itself listed (a walk, the twin), tolerating names that vanished since: dynamic
     * objects (LAN hosts, associated stations) come and go between a GetParameterNames and the values, and a CPE
     * faults the whole GetParameterValues with 9005 for one vanished name. Such a chunk is split in halves until the
     * vanished names stand alone and are left out; a device that faults far more names than ever vanish fails the
     * fetch once its split budget is spent.
     */
    public CompletableFuture<List<ParameterValueStruct>> valuesOfListedNames(CwmpDevice device, List<String> names,
                                                                             RpcLane lane) {
        return valuesLeavingOutVanished(device, names, lane).thenApply(FetchedValues::values);
    }

    /**
     * As {@link #valuesOfListedNames}, and says which names were left out: for a caller that asked for the names
     * and must tell its own caller which of them the device no longer knows.
     */
    public CompletableFuture<FetchedValues> valuesLeavingOutVanished(CwmpDevice device, List<String> names,
                                                                     RpcLane lane) {
        VanishedNames vanished = VanishedNames.forFetchOf(names.size());
        return nextChunk(device, lane, names, 0, new ArrayList<>(names.size()), vanished)
                .thenApply(values -> new FetchedValues(values, vanished.leftOut()));
    }

    private CompletableFuture<List<ParameterValueStruct>> nextChunk(CwmpDevice device, RpcLane lane,
                                                                    List<String> names, int from,
                                                                    List<ParameterValueStruct> collected,
                                                                    VanishedNames vanished) {
        if (from >= names.size()) {
            return CompletableFuture.completedFuture(collected);
        }
        int to = Math.min(names.size(), from + valuesPerRequest);
        return chunk(device, lane, names.subList(from, to), vanished).thenCompose(values -> {
            collected.addAll(values);
            return nextChunk(device, lane, names, to, collected, vanished);
        });
    }

    private CompletableFuture<List<ParameterValueStruct>> chunk(CwmpDevice device, RpcLane lane, List<String> names,
                                                                VanishedNames vanished) {
        // the fallback runs on the thread that completes the request, before the session picks its next request,
        // so the halves go out in the same session
        return device.queue().enqueue(new GetParameterValues(names), lane)
                .thenApply(GetParameterValuesResponse::parameters)
                .exceptionallyCompose(failure -> {
                    if (!isInvalidName(failure) || !vanished.trySplit()) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    if (names.size() == 1) {
                        LOG.debug("{}: {} vanished since it was listed; left out", device.id(), names.get(0));
                        vanished.leftOut(names.get(0));
                        return CompletableFuture.completedFuture(List.of());
                    }
                    int half = names.size() / 2;
                    return chunk(device, lane, names.subList(0, half), vanished)
                            .thenCompose(first -> chunk(device, lane, names.subList(half, names.size()), vanished)
                                    .thenApply(second -> concat(first, second)));
                });
    }

    private static boolean isInvalidName(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof DeviceOperationException operation
                && operation.faultCode() == CwmpFault.CPE_INVALID_PARAMETER_NAME;
    }

    private static List<ParameterValueStruct> concat(List<ParameterValueStruct> first,
                                                     List<ParameterValueStruct> second) {
        List<ParameterValueStruct> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    private CompletableFuture<List<ParameterInfoStruct>> bounded(List<ParameterInfoStruct> names) {
        return names.size() > maxParameters ? CompletableFuture.failedFuture(tooMany())
                : CompletableFuture.completedFuture(names);
    }

    private DeviceOperationException tooMany() {
        return new TooManyParametersException(maxParameters);
    }

    /** The full parameter names (not objects) of a discovery result. */
    public static List<String> leafNames(List<ParameterInfoStruct> infos) {
        List<String> names = new ArrayList<>(infos.size());
        for (ParameterInfoStruct info : infos) {
            if (!info.isObject()) {
                names.add(info.name());
            }
        }
        return names;
    }
}
