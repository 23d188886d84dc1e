package io.cpeoperator.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where a benchmark prints: free-form lines for people, and {@code RESULT key=number} lines for tools. */
public final class BenchmarkReport {

    private final PrintStream out;
    private final Map<String, Double> results = new LinkedHashMap<>();

    public BenchmarkReport(PrintStream out) {
        this.out = out;
    }

    /** A human-readable line (tables, progress, context). */
    public void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }

    /** A machine-readable figure: printed at once as {@code RESULT key=value}. */
    public void result(String key, double value) {
        results.put(key, value);
        out.println("RESULT " + key + "=" + format(value));
    }

    public Map<String, Double> results() {
        return Map.copyOf(results);
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
