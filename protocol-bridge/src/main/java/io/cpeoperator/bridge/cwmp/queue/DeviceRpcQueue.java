package io.cpeoperator.bridge.cwmp.queue;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.device.DeviceOperationException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ACS requests waiting for one device, in two lanes (operations before maintenance). Bounded: a device that
 * never comes back must not let callers pile up unbounded work. Thread-safe.
 */
public final class DeviceRpcQueue {

    private final Deque<PendingRpc<?>> operations = new ArrayDeque<>();
    private final Deque<PendingRpc<?>> maintenance = new ArrayDeque<>();
    private final int capacity;

    public DeviceRpcQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues a request. When the queue is full the returned future has already failed with fault 8004
     * (resources exceeded) - the caller learns it the same way as any other failure.
     */
    public synchronized <R extends CwmpResponse> CompletableFuture<R> enqueue(CwmpRequest<R> request, RpcLane lane) {
        PendingRpc<R> pending = new PendingRpc<>(request, lane);
        if (operations.size() + maintenance.size() >= capacity) {
            pending.fail(new DeviceOperationException(8004, "too many requests queued for the device"));
            return pending.future();
        }
        (lane == RpcLane.OPERATION ? operations : maintenance).addLast(pending);
        return pending.future();
    }

    /** The next request to send, operations first; null when nothing waits. Skips requests cancelled by callers. */
    public synchronized PendingRpc<?> poll() {
        PendingRpc<?> next = pollLive(operations);
        return next != null ? next : pollLive(maintenance);
    }

    private static PendingRpc<?> pollLive(Deque<PendingRpc<?>> lane) {
        PendingRpc<?> next;
        while ((next = lane.pollFirst()) != null) {
            if (!next.isDone()) {
                return next;
            }
        }
        return null;
    }

    /**
     * A request whose session died before the answer came. An operation goes back to the head, to be sent first
     * in the next session; maintenance is abandoned (its planner starts over from the twin).
     */
    public void returnUnanswered(PendingRpc<?> pending, DeviceOperationException maintenanceFailure) {
        if (pending.lane() == RpcLane.OPERATION) {
            synchronized (this) {
                operations.addFirst(pending);
            }
        } else {
            pending.fail(maintenanceFailure);
            dropMaintenance(maintenanceFailure);
        }
    }

    /** Fails and drops all queued maintenance (the session it was planned for is over). */
    public void dropMaintenance(DeviceOperationException failure) {
        List<PendingRpc<?>> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(maintenance);
            maintenance.clear();
        }
        // outside the lock: failing a future runs callbacks that may queue again
        dropped.forEach(p -> p.fail(failure));
    }

    /** Fails everything (the device was forgotten or the ACS stops). */
    public void cancelAll(DeviceOperationException failure) {
        List<PendingRpc<?>> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(operations);
            dropped.addAll(maintenance);
            operations.clear();
            maintenance.clear();
        }
        dropped.forEach(p -> p.fail(failure));
    }

    public synchronized boolean hasOperations() {
        return operations.stream().anyMatch(p -> !p.isDone());
    }

    public synchronized int size() {
        return operations.size() + maintenance.size();
    }
}
