package io.cpeoperator.simulator.e2e;

import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.device.Protocol;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.bridge.usp.controller.UspController;
import io.cpeoperator.bridge.usp.controller.UspControllerConfig;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against the project's own ACS and USP controller (both from protocol-bridge): devices come up, get
 * fully synchronised into the twin, and follow the operator's operations.
 */
class ProjectServersEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static ShardedTwinStore twins;
    static CwmpAcs acs;
    static UspController controller;
    static Simulator simulator;
    static final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2), registry, Clock.systemUTC());
        acs = new CwmpAcs(CwmpAcsConfig.defaults().withListener("127.0.0.1", 0), twins,
                new InMemoryCredentialStore().defaultConnectionRequest("cr", "cr-secret"), registry, Clock.systemUTC());
        acs.start();
        UspControllerConfig uspConfig = UspControllerConfig.defaults().withEmbeddedBroker("127.0.0.1", EmbeddedMqttBroker.freePort());
        controller = new UspController(uspConfig, twins, registry, Clock.systemUTC());
        controller.start();
        acs.gateway().subscribe(events::add);
        controller.gateway().subscribe(events::add);
        simulator = new Simulator(SimulatorConfig.builder()
                .acsUrl("http://127.0.0.1:" + acs.httpPort() + "/")
                .mqttUrl(uspConfig.effectiveMqttUrl())
                .devices(4)
                .mix("cwmp=50,usp=50")
                .models(List.of("NL-AX3000", "VX-7000"))
                .connectionRequestCredentials("cr", "cr-secret")
                .timing(new Timing(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMinutes(8), Duration.ZERO))
                .build(), registry);
        simulator.start();
    }


    @AfterAll
    static void stop() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (acs != null) {
            acs.close();
        }
    }

    private static DeviceEvent await(Predicate<DeviceEvent> predicate) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (DeviceEvent event : events) {
                if (predicate.test(event)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching device event within " + WAIT + "; got " + events);
    }

    private static DeviceGateway gatewayOf(SimulatedDevice device) {
        return device.id().protocol() == Protocol.USP ? controller.gateway() : acs.gateway();
    }

    @Test
    void everyDeviceIsSyncedIntoTheTwinWithItsFullModel() throws Exception {
        for (SimulatedDevice device : simulator.devices()) {
            DeviceEvent.Synced synced = (DeviceEvent.Synced) await(e -> e instanceof DeviceEvent.Synced s
                    && s.deviceId().equals(device.id()));
            assertThat(synced.parameterCount()).as(device.id().toString()).isGreaterThan(700);
            assertThat(twins.get(device.id(), "Device.DeviceInfo.SerialNumber")).get()
                    .satisfies(p -> assertThat(p.value()).isEqualTo(device.state().serialNumber()));
        }
    }

    @Test
    void operationsThroughTheGatewayReachTheDevices() throws Exception {
        for (SimulatedDevice device : simulator.devices()) {
            await(e -> e instanceof DeviceEvent.Synced s && s.deviceId().equals(device.id()));
            gatewayOf(device).setParameters(device.id(), Map.of("Device.WiFi.SSID.1.SSID", "E2E-" + device.state().serialNumber()),
                    "pk-e2e").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(device.value("Device.WiFi.SSID.1.SSID")).isEqualTo("E2E-" + device.state().serialNumber());
        }
        SimulatedDevice usp = simulator.devices().stream().filter(d -> d.id().protocol() == Protocol.USP).findFirst().orElseThrow();
        int boots = usp.state().bootCount();
        controller.gateway().downloadFirmware(usp.id(), new FirmwareDownload("http://fw.example/nl-ax3000-3.9.0.bin",
                "3.9.0", "", "e2e-fw", 0)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await(e -> e instanceof DeviceEvent.Booted b && b.deviceId().equals(usp.id()) && "3.9.0".equals(b.softwareVersion()));
        assertThat(usp.state().bootCount()).isGreaterThan(boots);
    }
}
