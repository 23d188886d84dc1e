package io.cpeoperator.benchmarks.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated fleet in a process of its own, so that a benchmark measures the operator alone (its heap, its CPU)
 * and each side of every connection counts against its own process's open-file limit. The child runs
 * {@code io.cpeoperator.simulator.SimulatorMain} from this JVM's own class path (the benchmarks jar contains the
 * simulator), and is stopped by its PID: destroyed, waited for, killed if it does not go.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "io.cpeoperator.simulator.SimulatorMain";

    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    private SimulatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        // a benchmark killed with Ctrl-C must not leave thousands of simulated devices behind
        this.killOnExit = new Thread(process::destroyForcibly, "simulator-process-reaper");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the simulator.
     *
     * @param maxHeap       the child's -Xmx, e.g. {@code 3g}
     * @param simulatorArgs {@code SimulatorMain} options ({@code --devices}, {@code --acs}, {@code --mqtt}, ...)
     */
    static SimulatorProcess start(String maxHeap, List<String> simulatorArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(simulatorArgs);
        Path log = Files.createTempFile("cpe-simulator-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new SimulatorProcess(process, log);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** CPU time the child used so far (NaN where the platform does not tell). */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook runs and finds the process gone
        }
    }
}
