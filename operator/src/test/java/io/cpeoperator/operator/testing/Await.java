package io.cpeoperator.operator.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds (the operator works asynchronously); fails with the last value seen. */
public final class Await {

    private Await() {
    }

    public static <T> T until(Supplier<T> read, Predicate<T> condition) {
        return until(read, condition, Duration.ofSeconds(30));
    }

    public static <T> T until(Supplier<T> read, Predicate<T> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not reached within " + timeout + "; last value: " + last);
    }
}
