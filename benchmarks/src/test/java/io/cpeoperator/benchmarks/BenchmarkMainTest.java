package io.cpeoperator.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkMainTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final BenchmarkReport report = new BenchmarkReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void listPrintsEveryRegisteredBenchmark() throws Exception {
        assertThat(BenchmarkMain.run(new String[]{"list"}, report)).isZero();
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (Benchmark benchmark : BenchmarkMain.available()) {
            assertThat(out).contains(benchmark.name());
        }
    }

    @Test
    void unknownNameIsAnError() throws Exception {
        assertThat(BenchmarkMain.run(new String[]{"no-such-benchmark"}, report)).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("unknown benchmark 'no-such-benchmark'");
    }

    @Test
    void resultLinesAreMachineReadable() {
        report.result("x.perSecond", 1234.0);
        report.result("x.ratio", 0.5);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RESULT x.perSecond=1234\n", "RESULT x.ratio=0.500\n");
        assertThat(report.results()).containsEntry("x.perSecond", 1234.0);
    }
}
