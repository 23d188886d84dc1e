package io.cpeoperator.bridge.usp.controller;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs at most {@code permits} asynchronous tasks at once; the rest wait in order without holding a thread. */
final class AsyncLimiter {

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int available;

    AsyncLimiter(int permits) {
        this.available = permits;
    }

    <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> started;
            try {
                started = task.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = available > 0;
            if (now) {
                available--;
            } else {
                waiting.addLast(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                available++;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
