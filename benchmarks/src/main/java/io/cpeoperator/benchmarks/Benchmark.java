package io.cpeoperator.benchmarks;

/**
 * One benchmark program of {@code cpe-benchmarks.jar}. Implementations are registered in
 * {@code META-INF/services/io.cpeoperator.benchmarks.Benchmark} and print their figures through
 * {@link BenchmarkReport#result(String, double)}.
 */
public interface Benchmark {

    /** The name given on the command line, e.g. {@code twin-memory}. */
    String name();

    /** One line for {@code list}: what is measured and the target. */
    String description();

    /** Runs the benchmark; {@code args} are the command-line words after the name. */
    void run(String[] args, BenchmarkReport report) throws Exception;
}
