package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.cwmpId;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.nameOf;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.uspId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status writes under the simulated fleet's own telemetry (CWMP periodic sessions, USP notifications, fast simulated
 * time), with the production defaults: a material change at most every 10 s per device, telemetry alone every 5 min.
 */
class SimulatedStatusCoalescingTest {

    private static final String NS = "sim-coalesce";
    private static final Duration WRITE_INTERVAL = Duration.ofSeconds(10);
    private static final List<DeviceId> DEVICES = List.of(cwmpId(0), cwmpId(1), uspId(0));
    private static SimulatedOperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 2, 1); // default write and last-contact intervals
        fixture.startDevices(60.0); // a simulated minute per second: telemetry moves fast
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void telemetryIsCoalescedIntoFewPatches() {
        for (DeviceId id : DEVICES) {
            fixture.awaitDevice(nameOf(id), d -> hasCondition(d, "Ready", "True", null));
        }
        Map<String, String> contactBefore = lastContacts();
        double changesBefore = changes();
        double writtenBefore = written();
        long start = System.nanoTime();

        // what a one-patch-per-change design would have written: a dozen patches
        Await.until(SimulatedStatusCoalescingTest::changes, c -> c >= changesBefore + 12, Duration.ofSeconds(60));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        double writtenDuring = written() - writtenBefore;

        // at most one material patch per device and window (telemetry alone waits 5 minutes)
        long windows = 1 + elapsed.toMillis() / WRITE_INTERVAL.toMillis();
        assertThat(writtenDuring).as("patches in %s for %d devices", elapsed, DEVICES.size())
                .isLessThanOrEqualTo(DEVICES.size() * windows).isLessThan(12);
        assertThat(avoided()).isPositive();
        // the telemetry-only field the devices refreshed all along was not rewritten
        assertThat(lastContacts()).isEqualTo(contactBefore);
    }

    private static Map<String, String> lastContacts() {
        return DEVICES.stream().map(id -> fixture.device(nameOf(id))).collect(Collectors.toMap(
                d -> d.getMetadata().getName(), (Function<CpeDevice, String>) d -> d.getStatus().getSummary()
                        .getLastContact()));
    }

    private static double changes() {
        return fixture.counter("cpe.status.changes");
    }

    private static double written() {
        return fixture.counter("cpe.status.patches", "outcome", "written");
    }

    private static double avoided() {
        return fixture.counter("cpe.status.patches", "outcome", "avoided");
    }
}
