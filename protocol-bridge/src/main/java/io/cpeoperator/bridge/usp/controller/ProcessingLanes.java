package io.cpeoperator.bridge.usp.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single-threaded lanes with bounded queues; an endpoint always maps to the same lane, so its records are handled
 * in order, and a full lane drops work (counted by the caller) instead of blocking the MTP's I/O thread.
 */
final class ProcessingLanes implements AutoCloseable {

    private final List<ThreadPoolExecutor> lanes;

    ProcessingLanes(int laneCount, int capacityPerLane) {
        AtomicInteger counter = new AtomicInteger();
        lanes = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(capacityPerLane), runnable -> {
                        Thread thread = new Thread(runnable, "usp-lane-" + counter.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }, new ThreadPoolExecutor.AbortPolicy()));
        }
    }

    /** Queues the task on the endpoint's lane; false when that lane is full or stopped. */
    boolean submit(String endpointId, Runnable task) {
        ThreadPoolExecutor lane = lanes.get(Math.floorMod(endpointId.hashCode(), lanes.size()));
        try {
            lane.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdownNow);
    }
}
