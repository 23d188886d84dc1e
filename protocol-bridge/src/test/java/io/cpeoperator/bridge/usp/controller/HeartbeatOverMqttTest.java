package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.testing.Await;
import io.cpeoperator.bridge.usp.testing.MqttTestAgent;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.cpeoperator.bridge.usp.testing.TestBrokers;
import io.cpeoperator.bridge.usp.testing.Twins;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moquette.broker.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Periodic! heartbeat through a broker that outlives the controller (Moquette, as an external broker): silent
 * agents are reported disconnected after the grace and connected again when they speak, and a restarted controller
 * reaches an agent it never heard of at the agent's next Periodic!.
 */
class HeartbeatOverMqttTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static int port;
    private static Server broker;

    @BeforeAll
    static void startBroker() {
        port = EmbeddedMqttBroker.freePort();
        broker = TestBrokers.startMoquette(port);
    }

    @AfterAll
    static void stopBroker() {
        broker.stopServer();
    }

    private static UspController controller(Clock clock, RecordingListener events) {
        return controller(clock, events, new SimpleMeterRegistry());
    }

    private static UspController controller(Clock clock, RecordingListener events, SimpleMeterRegistry registry) {
        UspController controller = new UspController(UspControllerConfig.defaults()
                .withExternalBroker("tcp://127.0.0.1:" + port).withMqtt311(true)
                .withMqttClientId("controller-" + System.nanoTime())
                .withRequestTimeout(Duration.ofSeconds(3)).withHeartbeatInterval(HEARTBEAT),
                Twins.store(), registry, clock);
        controller.gateway().subscribe(events);
        controller.start();
        Await.until("controller connected to the broker", controller::isMqttConnected);
        return controller;
    }

    @Test
    void aSilentAgentIsDisconnectedAfterTheGraceAndConnectedAgainWhenItSpeaks() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        RecordingListener events = new RecordingListener();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (UspController controller = controller(clock, events, registry);
             MqttTestAgent agent = new MqttTestAgent("os::012345-HB1", port, true);
             MqttTestAgent noHeartbeat = new MqttTestAgent("os::012345-HB2", port, true)) {
            // an agent without an entry for this controller cannot beat, so its silence proves nothing
            noHeartbeat.model().keySet().removeIf(path -> path.startsWith(MqttTestAgent.CONTROLLER_ENTRY));
            agent.connect();
            noHeartbeat.connect();
            DeviceId id = DeviceId.usp(agent.endpointId());
            DeviceId other = DeviceId.usp(noHeartbeat.endpointId());
            events.await(id, DeviceEvent.Synced.class);
            events.await(other, DeviceEvent.Synced.class);
            assertThat(agent.model()).containsEntry(MqttTestAgent.CONTROLLER_ENTRY + "PeriodicNotifInterval", "2");
            assertThat(controller.sessions().find(agent.endpointId()).orElseThrow().heartbeatExpected()).isTrue();
            assertThat(controller.sessions().find(noHeartbeat.endpointId()).orElseThrow().heartbeatExpected())
                    .isFalse();
            assertThat(registry.counter("cpe.usp.heartbeat.setups", "outcome", "armed").count()).isEqualTo(1);
            assertThat(registry.counter("cpe.usp.heartbeat.setups", "outcome", "refused").count()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(6)); // past 2.5 x 2 s without a word from either
            DeviceEvent.Disconnected disconnected = events.await(id, DeviceEvent.Disconnected.class);
            assertThat(disconnected.reason()).isEqualTo("no Periodic! notification for 6 s");
            assertThat(controller.gateway().isConnected(id)).isFalse();
            // both were looked at in the same sweep
            assertThat(events.of(other, DeviceEvent.Disconnected.class)).isEmpty();
            assertThat(controller.gateway().isConnected(other)).isTrue();
            assertThat(registry.counter("cpe.usp.agents.silent").count()).isEqualTo(1);

            agent.sendPeriodic();
            events.awaitCount(id, DeviceEvent.Connected.class, 2);
            assertThat(events.of(id, DeviceEvent.Connected.class).get(1).reasons()).containsExactly("Notify");
            assertThat(controller.gateway().isConnected(id)).isTrue();
            controller.gateway().setParameters(id, Map.of("Device.WiFi.SSID.1.SSID", "back"), "k")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(agent.model()).containsEntry("Device.WiFi.SSID.1.SSID", "back");
            assertThat(events.of(id, DeviceEvent.Disconnected.class)).hasSize(1);

            // silent again; this time an answer to a request of the controller is what shows it is there
            Await.until("onboarding done", () -> !controller.sessions().find(agent.endpointId()).orElseThrow()
                    .isOnboarding());
            clock.advance(Duration.ofSeconds(10));
            events.awaitCount(id, DeviceEvent.Disconnected.class, 2);
            controller.gateway().refresh(id, "Device.WiFi.").toCompletableFuture().get(10, TimeUnit.SECONDS);
            events.awaitCount(id, DeviceEvent.Connected.class, 3);
            assertThat(events.of(id, DeviceEvent.Connected.class).get(2).reasons()).containsExactly("Response");
            assertThat(controller.gateway().isConnected(id)).isTrue();
        }
    }

    @Test
    void aRestartedControllerReachesASilentAgentAtItsNextPeriodic() throws Exception {
        RecordingListener before = new RecordingListener();
        RecordingListener after = new RecordingListener();
        try (MqttTestAgent agent = new MqttTestAgent("os::012345-HB3", port, true)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            try (UspController first = controller(Clock.systemUTC(), before)) {
                agent.connect();
                before.await(id, DeviceEvent.Synced.class);
                Await.until("heartbeat set up", () -> first.sessions().find(agent.endpointId()).orElseThrow()
                        .heartbeatExpected());
            }
            // a rolling upgrade: a new controller process, the broker and the agent stay up
            try (UspController restarted = controller(Clock.systemUTC(), after)) {
                assertThat(restarted.gateway().isConnected(id)).isFalse();
                assertThatThrownBy(() -> restarted.gateway().setParameters(id,
                        Map.of("Device.WiFi.SSID.1.SSID", "x"), "k").toCompletableFuture().join())
                        .cause().isInstanceOfSatisfying(DeviceOperationException.class,
                                e -> assertThat(e.faultCode()).isEqualTo(DeviceOperationException.UNREACHABLE));

                agent.sendPeriodic(); // its next heartbeat, on the subscription the first controller created
                DeviceEvent.Connected connected = after.await(id, DeviceEvent.Connected.class);
                assertThat(connected.reasons()).containsExactly("Notify");
                assertThat(connected.identity().serialNumber()).isEqualTo("HB3");
                after.await(id, DeviceEvent.Synced.class);
                restarted.gateway().setParameters(id, Map.of("Device.WiFi.SSID.1.SSID", "after-restart"), "k")
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(agent.model()).containsEntry("Device.WiFi.SSID.1.SSID", "after-restart");
                assertThat(agent.subscriptionIds()).hasSize(6).doesNotHaveDuplicates();
            }
        }
    }
}
