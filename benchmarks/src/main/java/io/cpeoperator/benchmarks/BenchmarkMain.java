package io.cpeoperator.benchmarks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code java -jar benchmarks/target/cpe-benchmarks.jar list} prints the benchmark names;
 * {@code java -jar benchmarks/target/cpe-benchmarks.jar <name> [args]} runs one and prints {@code RESULT} lines.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, new BenchmarkReport(System.out)));
    }

    static int run(String[] args, BenchmarkReport report) throws Exception {
        List<Benchmark> benchmarks = available();
        if (args.length == 0 || args[0].equals("list") || args[0].equals("--help")) {
            report.line("usage: java -jar cpe-benchmarks.jar <name> [args]   (or: list)");
            report.line("");
            for (Benchmark benchmark : benchmarks) {
                report.line("  %-20s %s", benchmark.name(), benchmark.description());
            }
            return args.length == 0 ? 2 : 0;
        }
        for (Benchmark benchmark : benchmarks) {
            if (benchmark.name().equals(args[0])) {
                report.line("# %s: %s", benchmark.name(), benchmark.description());
                report.line("# cores=%d maxHeapMiB=%d java=%s", Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
                benchmark.run(Arrays.copyOfRange(args, 1, args.length), report);
                return 0;
            }
        }
        report.line("unknown benchmark '%s'; 'list' prints the names", args[0]);
        return 2;
    }

    static List<Benchmark> available() {
        return ServiceLoader.load(Benchmark.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Benchmark::name))
                .toList();
    }
}
