package io.cpeoperator.bridge.usp.controller;

import com.google.protobuf.ByteString;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.testing.Await;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.usp.testing.Twins;
import io.cpeoperator.bridge.usp.testing.MqttTestAgent;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.cpeoperator.bridge.usp.testing.TestUspAgent;
import io.cpeoperator.bridge.usp.wire.RejectReason;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile input ends in a drop or a protocol-correct answer, is counted, and costs nothing to other agents.
 * Runs on the embedded HiveMQ broker (MQTT 5 is needed to forge Response Topics).
 */
class HostileInputTest {

    private static final int MAX_RECORD = 16 * 1024;
    private static final AtomicInteger AGENTS = new AtomicInteger();

    private static ShardedTwinStore twin;
    private static UspController controller;
    private static RecordingListener events;
    private static int port;

    @BeforeAll
    static void start() {
        port = EmbeddedMqttBroker.freePort();
        twin = Twins.store();
        events = new RecordingListener();
        controller = new UspController(UspControllerConfig.defaults()
                .withEmbeddedBroker("127.0.0.1", port)
                .withRequestTimeout(Duration.ofSeconds(3))
                .withLimits(MAX_RECORD, 20, 40, 1000), twin, new SimpleMeterRegistry(), Clock.systemUTC());
        controller.gateway().subscribe(events);
        controller.start();
        Await.until("controller connected", controller::isMqttConnected);
    }

    @AfterAll
    static void stop() {
        controller.stop();
    }

    private MqttTestAgent agent() throws Exception {
        return new MqttTestAgent("os::012345-H" + AGENTS.incrementAndGet(), port, false).connect();
    }

    private MqttTestAgent onboarded() throws Exception {
        MqttTestAgent agent = agent();
        events.await(DeviceId.usp(agent.endpointId()), DeviceEvent.Synced.class);
        return agent;
    }

    private static void awaitDropped(String reason, double before) {
        Await.until("a record dropped as " + reason,
                () -> controller.metrics().droppedCount(reason) > before);
    }

    @Test
    void bytesThatAreNotARecordAreDroppedAndCounted() throws Exception {
        try (MqttTestAgent agent = agent()) {
            double before = controller.metrics().droppedCount(RejectReason.MALFORMED_RECORD.tag());
            byte[] garbage = new byte[100];
            Arrays.fill(garbage, (byte) 0xff);
            agent.publishRaw(garbage, MqttTestAgent.CONTROLLER_TOPIC);
            awaitDropped(RejectReason.MALFORMED_RECORD.tag(), before);
        }
    }

    @Test
    void oversizedRecordsAreDroppedWithoutParsing() throws Exception {
        try (MqttTestAgent agent = agent()) {
            double before = controller.metrics().droppedCount(RejectReason.OVERSIZED.tag());
            UspRecord.Record big = TestUspAgent.envelope(agent.endpointId()).setNoSessionContext(
                    UspRecord.NoSessionContextRecord.newBuilder().setPayload(ByteString.copyFrom(
                            new byte[MAX_RECORD + 1]))).build();
            agent.publishRaw(big.toByteArray(), MqttTestAgent.CONTROLLER_TOPIC);
            awaitDropped(RejectReason.OVERSIZED.tag(), before);
        }
    }

    @Test
    void recordsForAnotherControllerAreDropped() throws Exception {
        try (MqttTestAgent agent = agent()) {
            double before = controller.metrics().droppedCount(UspMetrics.WRONG_TO_ID);
            agent.publishRaw(UspRecord.Record.newBuilder().setVersion("1.3").setFromId(agent.endpointId())
                    .setToId("self::another-controller").setMqttConnect(UspRecord.MQTTConnectRecord.newBuilder()
                            .setSubscribedTopic("usp/agent/x")).build().toByteArray(), MqttTestAgent.CONTROLLER_TOPIC);
            awaitDropped(UspMetrics.WRONG_TO_ID, before);
        }
    }

    @Test
    void responsesFromUnknownEndpointsAndUnknownMsgIdsAreDropped() throws Exception {
        try (MqttTestAgent agent = onboarded()) {
            double unknown = controller.metrics().droppedCount(UspMetrics.UNKNOWN_ENDPOINT);
            UspMsg.Msg response = UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("cpe-x-1")
                            .setMsgType(UspMsg.Header.MsgType.GET_RESP))
                    .setBody(UspMsg.Body.newBuilder().setResponse(UspMsg.Response.newBuilder()
                            .setGetResp(UspMsg.GetResp.getDefaultInstance()))).build();
            agent.publishRaw(UspRecordCodec.noSessionContext("1.3", TestUspAgent.CONTROLLER, "os::never-seen",
                    response).toByteArray(), MqttTestAgent.CONTROLLER_TOPIC);
            awaitDropped(UspMetrics.UNKNOWN_ENDPOINT, unknown);

            double unsolicited = controller.metrics().droppedCount(UspMetrics.UNSOLICITED_RESPONSE);
            agent.sendMessage(response);
            awaitDropped(UspMetrics.UNSOLICITED_RESPONSE, unsolicited);
        }
    }

    @Test
    void aSpoofedFromIdIsDroppedAndTheVictimsTwinIsUntouched() throws Exception {
        try (MqttTestAgent victim = onboarded(); MqttTestAgent attacker = agent()) {
            DeviceId victimId = DeviceId.usp(victim.endpointId());
            double before = controller.metrics().droppedCount(UspMetrics.SPOOFED_FROM_ID);
            UspMsg.Msg forged = UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("evil-1")
                            .setMsgType(UspMsg.Header.MsgType.NOTIFY))
                    .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setNotify(
                            UspMsg.Notify.newBuilder().setSubscriptionId("x").setValueChange(
                                    UspMsg.Notify.ValueChange.newBuilder().setParamPath("Device.WiFi.SSID.1.SSID")
                                            .setParamValue("pwned"))))).build();
            attacker.publishWithReplyTopic(UspRecordCodec.noSessionContext("1.3", TestUspAgent.CONTROLLER,
                    victim.endpointId(), forged).toByteArray(), "usp/agent/" + attacker.endpointId());
            awaitDropped(UspMetrics.SPOOFED_FROM_ID, before);
            assertThat(Twins.value(twin, victimId, "Device.WiFi.SSID.1.SSID")).contains("home");
        }
    }

    @Test
    void aFloodingAgentIsRateLimitedWhileOthersAreStillServed() throws Exception {
        try (MqttTestAgent flooder = onboarded(); MqttTestAgent neighbour = onboarded()) {
            double before = controller.metrics().droppedCount(UspMetrics.RATE_LIMITED);
            for (int i = 0; i < 400; i++) {
                flooder.changeValue("Device.WiFi.Radio.1.Channel", Integer.toString(i));
            }
            neighbour.changeValue("Device.WiFi.Radio.1.Channel", "149");
            DeviceId neighbourId = DeviceId.usp(neighbour.endpointId());
            Await.until("the neighbour's value change",
                    () -> Twins.value(twin, neighbourId, "Device.WiFi.Radio.1.Channel")
                    .equals(Optional.of("149")));
            // 40 records of burst (less what onboarding used) pass, nearly all of the rest are dropped
            awaitDropped(UspMetrics.RATE_LIMITED, before + 300);
        }
    }

    @Test
    void sessionContextRecordsAreAnsweredWithADisconnectRecord() throws Exception {
        try (MqttTestAgent agent = onboarded()) {
            double before = controller.metrics().droppedCount(UspMetrics.SESSION_CONTEXT);
            agent.sendRecord(TestUspAgent.envelope(agent.endpointId()).setSessionContext(
                    UspRecord.SessionContextRecord.newBuilder().setSessionId(1).setSequenceId(1).setExpectedId(1))
                    .build().toByteArray());
            UspRecord.Record disconnect = agent.receivedRecords.poll(10, TimeUnit.SECONDS);
            assertThat(disconnect).isNotNull();
            assertThat(disconnect.getDisconnect().getReasonCode())
                    .isEqualTo(MessageDispatcher.SESSION_CONTEXT_NOT_SUPPORTED);
            assertThat(controller.metrics().droppedCount(UspMetrics.SESSION_CONTEXT)).isGreaterThan(before);
        }
    }

    @Test
    void requestsAControllerDoesNotServeAreAnsweredWithError7001() throws Exception {
        try (MqttTestAgent agent = onboarded()) {
            agent.received.clear();
            agent.sendMessage(UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("agent-get-1")
                            .setMsgType(UspMsg.Header.MsgType.GET))
                    .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setGet(
                            UspMsg.Get.newBuilder().addParamPaths("Device.")))).build());
            UspMsg.Msg error = agent.awaitMessage(m -> m.getBody().hasError(), Duration.ofSeconds(10));
            assertThat(error.getHeader().getMsgId()).isEqualTo("agent-get-1");
            assertThat(error.getBody().getError().getErrCode()).isEqualTo(7001);
        }
    }
}
