package io.cpeoperator.simulator.load;

import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.cwmp.CwmpCpe;
import io.cpeoperator.simulator.usp.UspAgent;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Storms for benchmarks: every CWMP device runs Inform sessions back to back ({@code cwmp-storm}), every USP agent
 * sends notifications that need a NotifyResp back to back ({@code usp-storm}); throughput and latency percentiles
 * are measured per completed session / acknowledged notification.
 */
public final class LoadGenerator {

    /** The storm kinds. */
    public enum Mode {
        CWMP_STORM("cwmp-storm"),
        USP_STORM("usp-storm");

        private final String cliName;

        Mode(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Mode fromCliName(String name) {
            for (Mode mode : values()) {
                if (mode.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown load mode '" + name + "' (cwmp-storm, usp-storm)");
        }
    }

    /** What a storm measured. */
    public record Result(Mode mode, LatencyRecorder latencies, double seconds) {
        public double perSecond() {
            return latencies.count() / Math.max(0.001, seconds);
        }

        public String summary() {
            return latencies.summary(mode.cliName(), seconds);
        }
    }

    private LoadGenerator() {
    }

    /** Runs a storm with the simulator's devices for {@code duration}; devices must be online. */
    public static Result run(Simulator simulator, Mode mode, Duration duration) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        List<SimulatedDevice> devices = simulator.devices();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(devices.size());
        long start = System.nanoTime();
        for (SimulatedDevice device : devices) {
            Supplier<CompletableFuture<Void>> action = action(device, mode);
            if (action == null) {
                finished.countDown();
                continue;
            }
            loop(action, recorder, deadline, finished);
        }
        finished.await(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        return new Result(mode, recorder, (System.nanoTime() - start) / 1e9);
    }

    private static Supplier<CompletableFuture<Void>> action(SimulatedDevice device, Mode mode) {
        if (mode == Mode.CWMP_STORM && device.agent() instanceof CwmpCpe cpe) {
            return () -> cpe.sessionNow("2 PERIODIC");
        }
        if (mode == Mode.USP_STORM && device.agent() instanceof UspAgent agent) {
            return () -> agent.loadNotify().orTimeout(10, TimeUnit.SECONDS);
        }
        return null;
    }

    /** One device's back-to-back loop; runs on the I/O threads that complete each step, never blocking. */
    private static void loop(Supplier<CompletableFuture<Void>> action, LatencyRecorder recorder, long deadline,
                             CountDownLatch finished) {
        if (System.nanoTime() >= deadline) {
            finished.countDown();
            return;
        }
        long started = System.nanoTime();
        action.get().whenComplete((ignored, error) -> {
            if (error == null) {
                recorder.record(System.nanoTime() - started);
                CompletableFuture.runAsync(() -> loop(action, recorder, deadline, finished));
            } else {
                // back off a little so an unreachable peer does not turn the storm into a busy loop
                recorder.failure();
                CompletableFuture.runAsync(() -> loop(action, recorder, deadline, finished),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            }
        });
    }
}
