package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.MutableClock;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Status writes under steady telemetry: coalesced, rate-limited, deferred but never dropped. */
class StatusCoalescingTest {

    private static final String NS = "cpe-coalesce";
    private static final String CPU = "Device.DeviceInfo.ProcessStatus.CPUUsage";
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static OperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorFixture(NS, CLOCK); // defaults: 10 s between patches, telemetry every 5 min
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void telemetryIsCoalescedAndMaterialChangesAreDeferredNotDropped() throws InterruptedException {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("4001");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        String name = "00d09e-igd-4001";
        fixture.awaitDevice(name, d -> OperatorFixture.hasCondition(d, "Ready", "True", null));
        CLOCK.advance(Duration.ofSeconds(11));
        double before = settledWritten();

        for (int second = 1; second <= 60; second++) {
            CLOCK.advance(Duration.ofSeconds(1));
            fixture.gateway.change(identity.id(), Map.of(CPU, Integer.toString(second)));
        }
        Await.until(this::avoided, avoided -> avoided >= 1);
        assertThat(written()).isEqualTo(before);
        assertThat(fixture.device(name).getStatus().getSummary().getCpuPercent()).isEqualTo(12);

        // five minutes on, telemetry alone is refreshed once. The twin holds the new value before the clock moves:
        // a reconcile of the burst still queued may run once the five minutes are up, and it must see that value.
        fixture.gateway.change(identity.id(), Map.of(CPU, "77"));
        CLOCK.advance(Duration.ofMinutes(5));
        fixture.gateway.change(identity.id(), Map.of(CPU, "78"));
        fixture.awaitDevice(name, d -> Integer.valueOf(77).equals(d.getStatus().getSummary().getCpuPercent())
                || Integer.valueOf(78).equals(d.getStatus().getSummary().getCpuPercent()));
        // the patch can be visible a moment before the policy counts it
        Await.until(this::written, count -> count >= before + 1);
        assertThat(written()).isEqualTo(before + 1);

        // a material change right after a write waits for the window, then is written without another event
        fixture.gateway.change(identity.id(), Map.of("Device.IP.Interface.2.IPv4Address.1.IPAddress", "198.51.100.9"));
        CLOCK.advance(Duration.ofSeconds(10));
        CpeDevice moved = fixture.awaitDevice(name,
                d -> "198.51.100.9".equals(d.getStatus().getSummary().getWanAddress()));
        assertThat(moved.getStatus().getSummary().getCpuPercent()).as("the write carries current telemetry")
                .isEqualTo(78);
        // the patch can be visible a moment before the policy counts it
        Await.until(this::written, count -> count >= before + 2);
        assertThat(written()).isEqualTo(before + 2);
    }

    /**
     * The count of writes once none is in flight: a patch is visible a moment before the policy counts it, so the
     * Ready patch just seen may not be counted yet.
     */
    private double settledWritten() throws InterruptedException {
        Await.until(this::written, count -> count >= 1);
        double last = written();
        for (int quiet = 0; quiet < 5; ) {
            Thread.sleep(100); // nothing to wait on: the device is idle and the count must simply stay put
            double now = written();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }

    private double written() {
        return fixture.app.meterRegistry().get("cpe.status.patches").tag("outcome", "written").counter().count();
    }

    private double avoided() {
        return fixture.app.meterRegistry().get("cpe.status.patches").tag("outcome", "avoided").counter().count();
    }
}
