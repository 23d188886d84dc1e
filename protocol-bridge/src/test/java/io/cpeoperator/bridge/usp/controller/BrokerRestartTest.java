package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.testing.Await;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.usp.testing.Twins;
import io.cpeoperator.bridge.usp.testing.MqttTestAgent;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.cpeoperator.bridge.usp.testing.TestBrokers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moquette.broker.Server;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker restarts (losing every session and subscription): the controller reconnects, subscribes again, and
 * agents are served as before. Moquette restarts in milliseconds, so it plays the broker here.
 */
class BrokerRestartTest {

    @Test
    void controllerReconnectsAndResubscribesAfterABrokerRestart() throws Exception {
        int port = EmbeddedMqttBroker.freePort();
        Server broker = TestBrokers.startMoquette(port);
        ShardedTwinStore twin = Twins.store();
        RecordingListener events = new RecordingListener();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UspController controller = new UspController(UspControllerConfig.defaults()
                .withExternalBroker("tcp://127.0.0.1:" + port).withMqtt311(true)
                .withRequestTimeout(Duration.ofSeconds(3)), twin, registry, Clock.systemUTC());
        controller.gateway().subscribe(events);
        try (MqttTestAgent agent = new MqttTestAgent("os::012345-R1", port, true)) {
            controller.start();
            Await.until("controller connected", controller::isMqttConnected);
            agent.connect();
            DeviceId id = DeviceId.usp(agent.endpointId());
            events.await(id, DeviceEvent.Synced.class);

            broker.stopServer();
            Await.until("controller noticed the broker is gone", () -> !controller.isMqttConnected());
            broker = TestBrokers.startMoquette(port);
            Await.until("controller reconnected", Duration.ofSeconds(30), controller::isMqttConnected);
            assertThat(registry.counter("cpe.usp.mqtt.connects").count()).isGreaterThanOrEqualTo(2);

            // the agent reconnects by itself; its value change only arrives if the controller subscribed again
            Await.until("value change after the restart", Duration.ofSeconds(30), () -> {
                agent.changeValue("Device.WiFi.Radio.1.Channel", "44");
                return Twins.value(twin, id, "Device.WiFi.Radio.1.Channel").equals(Optional.of("44"));
            });
            controller.gateway().setParameters(id, Map.of("Device.WiFi.SSID.1.SSID", "after-restart"), "k")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(agent.model()).containsEntry("Device.WiFi.SSID.1.SSID", "after-restart");
        } finally {
            controller.stop();
            broker.stopServer();
        }
    }
}
