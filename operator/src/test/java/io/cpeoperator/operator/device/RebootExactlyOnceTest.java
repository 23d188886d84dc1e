package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** spec.reboot runs once per requestedAt, across device reconnects and operator restarts. */
class RebootExactlyOnceTest {

    private static final String NS = "cpe-reboot";
    private static OperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorFixture(NS, Clock.systemUTC(), "--status-write-interval", "0s",
                "--last-contact-interval", "0s");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void rebootRunsOncePerRequestAcrossReconnectsAndRestarts() throws Exception {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("3001");
        CpeDevice resource = DeviceLifecycleTest.device("reboot-3001", "3001", Map.of());
        resource.getMetadata().setNamespace(NS);
        resource.getSpec().setReboot(new OneShotAction("2026-11-25T10:00:00Z"));
        fixture.client.resource(resource).create();
        fixture.awaitDevice("reboot-3001", d -> d.getStatus().getObservedGeneration() != null);
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice rebooted = fixture.awaitDevice("reboot-3001", d -> d.getStatus().getActions() != null
                && "Succeeded".equals(d.getStatus().getActions().getReboot().getOutcome()));
        assertThat(rebooted.getStatus().getActions().getReboot().getHandledRequestedAt())
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(fixture.awaitEvent("reboot-3001", "RebootRequested").getType()).isEqualTo("Normal");
        assertThat(fixture.gateway.reboots.get(identity.id()).get()).isEqualTo(1);

        // the device reconnects: nothing new is requested
        fixture.gateway.connect(identity, withCpu(identity, "41"));
        fixture.awaitDevice("reboot-3001", d -> Integer.valueOf(41).equals(d.getStatus().getSummary().getCpuPercent())
                || d.getStatus().getSummary().getCpuPercent() != null);

        // the operator restarts against the same API and devices
        fixture.stopOperator();
        fixture.startOperator();
        fixture.gateway.connect(identity, withCpu(identity, "42"));
        fixture.awaitDevice("reboot-3001", d -> Integer.valueOf(42).equals(d.getStatus().getSummary().getCpuPercent()));
        assertThat(fixture.gateway.reboots.get(identity.id()).get()).isEqualTo(1);

        // a crash after recording a request and before asking the device: the next process never asks
        fixture.stopOperator();
        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName("reboot-3001").subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"actions\":{\"reboot\":"
                        + "{\"handledRequestedAt\":\"2026-11-25T11:00:00Z\",\"outcome\":\"Pending\"}}}}");
        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName("reboot-3001").edit(d -> {
            d.getSpec().setReboot(new OneShotAction("2026-11-25T11:00:00Z"));
            return d;
        });
        fixture.startOperator();
        fixture.gateway.connect(identity, withCpu(identity, "43"));
        CpeDevice afterCrash = fixture.awaitDevice("reboot-3001",
                d -> Integer.valueOf(43).equals(d.getStatus().getSummary().getCpuPercent()));
        assertThat(afterCrash.getStatus().getActions().getReboot().getHandledRequestedAt())
                .isEqualTo("2026-11-25T11:00:00Z");
        assertThat(fixture.gateway.reboots.get(identity.id()).get()).isEqualTo(1);

        // a new request runs once more
        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName("reboot-3001").edit(d -> {
            d.getSpec().setReboot(new OneShotAction("2026-11-25T12:00:00Z"));
            return d;
        });
        fixture.awaitDevice("reboot-3001", d -> "2026-11-25T12:00:00Z".equals(
                d.getStatus().getActions().getReboot().getHandledRequestedAt())
                && "Succeeded".equals(d.getStatus().getActions().getReboot().getOutcome()));
        assertThat(fixture.gateway.reboots.get(identity.id()).get()).isEqualTo(2);
    }

    @Test
    void factoryResetIsRecordedBeforeTheDeviceIsAsked() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("3002");
        CpeDevice resource = DeviceLifecycleTest.device("reset-3002", "3002", Map.of());
        resource.getMetadata().setNamespace(NS);
        resource.getSpec().setFactoryReset(new OneShotAction("2026-11-25T10:00:00Z"));
        fixture.client.resource(resource).create();
        fixture.awaitDevice("reset-3002", d -> d.getStatus().getObservedGeneration() != null);
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        fixture.awaitDevice("reset-3002", d -> d.getStatus().getActions() != null
                && d.getStatus().getActions().getFactoryReset() != null
                && "Succeeded".equals(d.getStatus().getActions().getFactoryReset().getOutcome()));
        assertThat(fixture.gateway.factoryResets.get(identity.id()).get()).isEqualTo(1);
        assertThat(fixture.gateway.reboots.get(identity.id())).isNull();
    }

    private static Map<String, String> withCpu(DeviceIdentity identity, String cpu) {
        Map<String, String> tree = new java.util.LinkedHashMap<>(Tr181Trees.tr181(identity));
        tree.put("Device.DeviceInfo.ProcessStatus.CPUUsage", cpu);
        return tree;
    }
}
