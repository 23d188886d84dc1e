package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceId;
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
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's USP controller and a simulated agent through a broker that outlives the controller, with a 2 s
 * heartbeat (5 s grace): the heartbeat keeps an idle agent connected, an agent whose network is gone is reported disconnected
 * after the grace, and a restarted controller reaches the agent at its next Periodic! without the agent
 * reconnecting.
 */
class HeartbeatEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    /** Keeps the events of one controller. */
    private static final class Events implements DeviceEventListener {
        final List<DeviceEvent> all = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(DeviceEvent event) {
            all.add(event);
        }

        <T extends DeviceEvent> List<T> of(DeviceId id, Class<T> type) {
            return all.stream().filter(e -> e.deviceId().equals(id)).filter(type::isInstance).map(type::cast)
                    .toList();
        }
    }

    private static UspController controller(String brokerUrl, Events events) {
        UspController controller = new UspController(UspControllerConfig.defaults().withExternalBroker(brokerUrl)
                .withMqttClientId("controller-" + System.nanoTime()).withRequestTimeout(Duration.ofSeconds(5))
                .withHeartbeatInterval(HEARTBEAT),
                new ShardedTwinStore(TwinStoreConfig.defaults(), new SimpleMeterRegistry(), Clock.systemUTC()),
                new SimpleMeterRegistry(), Clock.systemUTC());
        controller.gateway().subscribe(events);
        controller.start();
        return controller;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theHeartbeatKeepsAnIdleAgentConnectedReportsAGoneOneAndLeadsARestartedControllerToIt() throws Exception {
        try (EmbeddedMqttBroker broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(),
                4 * 1024 * 1024)) {
            broker.start();
            Events first = new Events();
            UspController controller = controller(broker.url(), first);
            try (Simulator simulator = new Simulator(SimulatorConfig.builder().mqttUrl(broker.url()).devices(1)
                    .mix("usp=100").timing(new Timing(Duration.ofMillis(500), Duration.ofMillis(300),
                            Duration.ofHours(8), Duration.ZERO)).build())) {
                simulator.start();
                SimulatedDevice device = simulator.devices().get(0);
                DeviceId id = device.id();
                UspAgent agent = (UspAgent) device.agent();
                await("synced", () -> !first.of(id, DeviceEvent.Synced.class).isEmpty());
                await("heartbeat running", agent::isSendingPeriodic);
                assertThat(device.value("Device.LocalAgent.Controller.1.PeriodicNotifInterval")).isEqualTo("2");

                // an idle agent: only its heartbeats say it is there, for longer than the grace
                Thread.sleep(7_000);
                assertThat(first.of(id, DeviceEvent.Disconnected.class)).isEmpty();
                assertThat(controller.gateway().isConnected(id)).isTrue();

                // its network is gone (no DisconnectRecord, no will message): the silence tells
                agent.goOffline();
                assertThat(agent.isSendingPeriodic()).isFalse();
                await("disconnected", () -> !first.of(id, DeviceEvent.Disconnected.class).isEmpty());
                assertThat(first.of(id, DeviceEvent.Disconnected.class).get(0).reason())
                        .startsWith("no Periodic! notification for ");
                assertThat(controller.gateway().isConnected(id)).isFalse();
                int connects = first.of(id, DeviceEvent.Connected.class).size();
                agent.goOnline();
                await("connected again", () -> first.of(id, DeviceEvent.Connected.class).size() > connects);
                assertThat(controller.gateway().isConnected(id)).isTrue();
                await("heartbeat running again", agent::isSendingPeriodic);

                // a rolling upgrade: the controller restarts, the broker and the agent stay up and say nothing
                controller.close();
                Events second = new Events();
                controller = controller(broker.url(), second);
                await("connected to the restarted controller",
                        () -> !second.of(id, DeviceEvent.Connected.class).isEmpty());
                assertThat(second.of(id, DeviceEvent.Connected.class).get(0).reasons()).containsExactly("Notify");
                await("synced by the restarted controller", () -> !second.of(id, DeviceEvent.Synced.class).isEmpty());
                controller.gateway().setParameters(id, Map.of("Device.LocalAgent.Controller.1.ProvisioningCode",
                        "after-restart"), "k").toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(device.value("Device.LocalAgent.Controller.1.ProvisioningCode")).isEqualTo("after-restart");
                assertThat(device.read("Device.LocalAgent.Subscription.")).filteredOn(p -> p.path().endsWith(".ID")
                        && p.value().startsWith("cpe-operator-")).hasSize(6);
            } finally {
                controller.close();
            }
        }
    }
}
