package io.cpeoperator.bridge.cwmp.registry;

import io.cpeoperator.bridge.cwmp.soap.rpc.FaultStruct;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downloads a device accepted but has not finished, by CommandKey. They outlive sessions and device reboots
 * (TransferComplete arrives in a later session, often after "1 BOOT" and "M Download").
 */
public final class TransferTracker {

    /** A device-accepted transfer waiting for its TransferComplete. */
    public record PendingTransfer(String commandKey, String fileType, String url, Instant acceptedAt,
                                  CompletableFuture<FaultStruct> completion) {
    }

    private final Map<String, PendingTransfer> pending = new ConcurrentHashMap<>();

    public PendingTransfer track(String commandKey, String fileType, String url, Instant acceptedAt) {
        return pending.computeIfAbsent(commandKey,
                key -> new PendingTransfer(key, fileType, url, acceptedAt, new CompletableFuture<>()));
    }

    /** Completes and forgets the transfer with this CommandKey; empty when none was tracked (e.g. ACS restart). */
    public Optional<PendingTransfer> complete(String commandKey, FaultStruct outcome) {
        PendingTransfer transfer = pending.remove(commandKey);
        if (transfer != null) {
            transfer.completion().complete(outcome);
        }
        return Optional.ofNullable(transfer);
    }

    public Optional<PendingTransfer> find(String commandKey) {
        return Optional.ofNullable(pending.get(commandKey));
    }

    public int size() {
        return pending.size();
    }
}
