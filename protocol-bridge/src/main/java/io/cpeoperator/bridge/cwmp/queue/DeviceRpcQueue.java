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
 *
 * <p>Maintenance belongs to the session it was planned for. Each request remembers the number of the device's
 * latest session when it was queued, and the end of a session drops only maintenance up to that session's number:
 * an old session whose end is processed late (its connection's close is reported on another thread while the
 * device's next Inform is already being planned) must not take the new session's work with it.
 */
public final class DeviceRpcQueue {

    private final Deque<PendingRpc<?>> operations = new ArrayDeque<>();
    private final Deque<PendingRpc<?>> maintenance = new ArrayDeque<>();
    private final int capacity;
    private long latestSession;

    public DeviceRpcQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues a request. When the queue is full the returned future has already failed with fault 8004
     * (resources exceeded) - the caller learns it the same way as any other failure.
     */
    public synchronized <R extends CwmpResponse> CompletableFuture<R> enqueue(CwmpRequest<R> request, RpcLane lane) {
        PendingRpc<R> pending = new PendingRpc<>(request, lane, latestSession);
        if (operations.size() + maintenance.size() >= capacity) {
            pending.fail(new DeviceOperationException(8004, "too many requests queued for the device"));
            return pending.future();
        }
        (lane == RpcLane.OPERATION ? operations : maintenance).addLast(pending);
        return pending.future();
    }

    /** A session with the device begins; returns its number, which its end passes to {@link #dropMaintenance}. */
    public synchronized long beginSession() {
        return ++latestSession;
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
        }
    }

    /**
     * Fails and drops the maintenance queued up to session {@code session}, which is over; maintenance planned for
     * a later session stays.
     */
    public void dropMaintenance(long session, DeviceOperationException failure) {
        List<PendingRpc<?>> dropped = new ArrayList<>();
        synchronized (this) {
            maintenance.removeIf(pending -> {
                if (pending.session() <= session) {
                    dropped.add(pending);
                    return true;
                }
                return false;
            });
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
