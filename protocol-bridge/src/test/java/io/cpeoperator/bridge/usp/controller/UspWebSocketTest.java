package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.testing.Await;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.usp.testing.Twins;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.cpeoperator.bridge.usp.testing.WebSocketTestAgent;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebSocket MTP, mounted on a Jetty server the test owns (as the operator would), without MQTT. */
class UspWebSocketTest {

    private static ShardedTwinStore twin;
    private static UspController controller;
    private static RecordingListener events;
    private static Server server;
    private static URI uri;

    @BeforeAll
    static void start() throws Exception {
        twin = Twins.store();
        events = new RecordingListener();
        controller = new UspController(UspControllerConfig.defaults().withoutMqtt()
                .withRequestTimeout(Duration.ofSeconds(3)), twin, new SimpleMeterRegistry(), Clock.systemUTC());
        controller.gateway().subscribe(events);
        controller.start();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(controller.webSocketHandler(server));
        server.start();
        uri = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/usp");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        controller.stop();
    }

    @Test
    void agentNamedInTheQueryIsOnboardedAndServed() throws Exception {
        try (WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W1").connect(uri, true, "v1.usp")) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            events.await(id, DeviceEvent.Synced.class);
            assertThat(events.await(id, DeviceEvent.Connected.class).reasons()).containsExactly("WebSocketConnect");
            assertThat(Twins.value(twin, id, "Device.WiFi.SSID.1.SSID")).contains("home");
            controller.gateway().setParameters(id, Map.of("Device.WiFi.SSID.1.SSID", "ws"), "k")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(agent.model()).containsEntry("Device.WiFi.SSID.1.SSID", "ws");
            agent.changeValue("Device.WiFi.Radio.1.Channel", "1");
            Await.until("value change over WebSocket", () -> Twins.value(twin, id, "Device.WiFi.Radio.1.Channel")
                    .equals(Optional.of("1")));
        }
        DeviceId id = DeviceId.usp("os::012345-W1");
        events.await(id, DeviceEvent.Disconnected.class);
        assertThat(controller.gateway().isConnected(id)).isFalse();
    }

    @Test
    void aDisconnectRecordRaisesDisconnected() throws Exception {
        try (WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W7").connect(uri, true, "v1.usp")) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            events.await(id, DeviceEvent.Synced.class);
            agent.sendRecord(io.cpeoperator.bridge.usp.testing.TestUspAgent.envelope(agent.endpointId())
                    .setDisconnect(io.cpeoperator.bridge.usp.proto.UspRecord.DisconnectRecord.newBuilder()
                            .setReason("shutting down").setReasonCode(7003)).build().toByteArray());
            assertThat(events.await(id, DeviceEvent.Disconnected.class).reason()).isEqualTo("shutting down");
            assertThat(controller.gateway().isConnected(id)).isFalse();
        }
    }

    @Test
    void agentNamedInTheExtensionIsAccepted() throws Exception {
        try (WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W2").connect(uri, false, "v1.usp")) {
            events.await(DeviceId.usp(agent.endpointId()), DeviceEvent.Synced.class);
        }
    }

    @Test
    void upgradeWithoutTheUspSubprotocolIsRefused() {
        WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W3");
        try (agent) {
            assertThatThrownBy(() -> agent.connect(uri, true, null)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aRecordClaimingAnotherEndpointIsDropped() throws Exception {
        try (WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W4").connect(uri, true, "v1.usp")) {
            events.await(DeviceId.usp(agent.endpointId()), DeviceEvent.Synced.class);
            double before = controller.metrics().droppedCount(UspMetrics.SPOOFED_FROM_ID);
            agent.sendRecord(UspRecordCodec.noSessionContext("1.3", "self::cpe-operator", "os::someone-else",
                    UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("x")
                                    .setMsgType(UspMsg.Header.MsgType.NOTIFY))
                            .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setNotify(
                                    UspMsg.Notify.newBuilder().setValueChange(UspMsg.Notify.ValueChange.newBuilder()
                                            .setParamPath("Device.X").setParamValue("1"))))).build())
                    .toByteArray());
            Await.until("spoofed record dropped",
                    () -> controller.metrics().droppedCount(UspMetrics.SPOOFED_FROM_ID) > before);
        }
    }

    @Test
    void textFramesCloseTheConnection() throws Exception {
        try (WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W5").connect(uri, true, "v1.usp")) {
            agent.sendText("hello");
            assertThat(agent.awaitClosed()).isTrue();
            assertThat(agent.closeStatus).isEqualTo(StatusCode.BAD_DATA);
        }
    }

    @Test
    void ownServerCanBeStartedOnAPort() throws Exception {
        int port = EmbeddedMqttBroker.freePort();
        try (UspController own = new UspController(UspControllerConfig.defaults().withoutMqtt()
                .withWebSocket(port, "/usp"), Twins.store(), new SimpleMeterRegistry(), Clock.systemUTC());
             WebSocketTestAgent agent = new WebSocketTestAgent("os::012345-W6")) {
            own.start();
            assertThat(own.webSocketPort()).isEqualTo(port);
            RecordingListener ownEvents = new RecordingListener();
            own.gateway().subscribe(ownEvents);
            agent.connect(URI.create("ws://127.0.0.1:" + port + "/usp"), true, "v1.usp");
            ownEvents.await(DeviceId.usp(agent.endpointId()), DeviceEvent.Synced.class);
        }
    }
}
