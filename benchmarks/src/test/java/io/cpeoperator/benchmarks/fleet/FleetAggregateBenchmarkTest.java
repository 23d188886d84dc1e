package io.cpeoperator.benchmarks.fleet;

import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.operator.fleet.aggregate.DeviceContribution;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark runs on a small fleet and reports its figures; the synthetic devices are realistic enough. */
class FleetAggregateBenchmarkTest {

    @Test
    void smallRunReportsEveryFigureAndHeartbeatsWakeNoFleet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkReport report = new BenchmarkReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        new FleetAggregateBenchmark().run(new String[]{"2000", "2000"}, report);

        assertThat(report.results()).containsKeys("fleet.aggregateMillis", "fleet.incrementalUpdateMicros",
                "fleet.incrementalUpdateP99Micros", "fleet.heartbeatMicros");
        assertThat(report.results()).containsEntry("fleet.heartbeatWakeUps", 0.0);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("2000 woke the whole fleet", "north fleet: 500");
    }

    @Test
    void syntheticDevicesMixModelsVersionsAndQoe() {
        Random random = new Random(1);
        Set<String> models = new HashSet<>();
        Set<String> versions = new HashSet<>();
        int withoutScore = 0;
        int withFindings = 0;
        for (int i = 0; i < 1000; i++) {
            DeviceContribution c = DeviceContribution.of(FleetAggregateBenchmark.device(i, random));
            models.add(c.model());
            versions.add(c.softwareVersion());
            withoutScore += c.score() == null ? 1 : 0;
            withFindings += c.findings().isEmpty() ? 0 : 1;
        }
        assertThat(models).hasSize(5);
        assertThat(versions).hasSize(4);
        assertThat(withoutScore).isBetween(50, 150);
        assertThat(withFindings).isBetween(100, 900);
    }
}
