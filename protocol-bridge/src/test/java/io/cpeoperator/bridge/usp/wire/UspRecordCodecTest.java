package io.cpeoperator.bridge.usp.wire;

import com.google.protobuf.ByteString;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class UspRecordCodecTest {

    private static final String AGENT = "os::012345-CPE0001";
    private static final String CONTROLLER = "self::cpe-operator";

    private final UspRecordCodec codec = new UspRecordCodec(1024);

    @Test
    void rejectsRecordsAboveTheLimitWithoutParsing() {
        byte[] big = new byte[1025];
        assertRejected(codec.decode(big), RejectReason.OVERSIZED);
        assertRejected(codec.decode(ByteBuffer.wrap(big)), RejectReason.OVERSIZED);
    }

    @Test
    void rejectsBytesThatAreNotARecord() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        assertRejected(codec.decode(garbage), RejectReason.MALFORMED_RECORD);
    }

    @Test
    void rejectsDeeplyNestedUnknownGroupsInsteadOfOverflowingTheStack() {
        // tag 15, wire type 3 (start group), repeated: each level nests one deeper
        byte[] nested = new byte[1000];
        Arrays.fill(nested, (byte) ((15 << 3) | 3));
        assertRejected(codec.decode(nested), RejectReason.MALFORMED_RECORD);
    }

    @Test
    void rejectsRecordsWithoutEndpointIds() {
        UspRecord.Record noFrom = valid().toBuilder().clearFromId().build();
        assertRejected(codec.decode(noFrom.toByteArray()), RejectReason.INVALID_ENVELOPE);
        UspRecord.Record noTo = valid().toBuilder().clearToId().build();
        DecodeResult result = codec.decode(noTo.toByteArray());
        assertRejected(result, RejectReason.INVALID_ENVELOPE);
        assertThat(((DecodeResult.Rejected) result).fromId()).isEqualTo(AGENT);
        UspRecord.Record control = valid().toBuilder().setFromId("os::\u0007bell").build();
        assertRejected(codec.decode(control.toByteArray()), RejectReason.INVALID_ENVELOPE);
    }

    @Test
    void rejectsEndToEndSecuredPayloads() {
        UspRecord.Record tls = valid().toBuilder()
                .setPayloadSecurity(UspRecord.Record.PayloadSecurity.TLS12).build();
        assertRejected(codec.decode(tls.toByteArray()), RejectReason.UNSUPPORTED_PAYLOAD_SECURITY);
    }

    @Test
    void rejectsRecordsWithoutAType() {
        UspRecord.Record none = valid().toBuilder().clearNoSessionContext().build();
        assertRejected(codec.decode(none.toByteArray()), RejectReason.MISSING_RECORD_TYPE);
    }

    @Test
    void rejectsPayloadsThatAreNotAMessage() {
        UspRecord.Record bad = valid().toBuilder().setNoSessionContext(UspRecord.NoSessionContextRecord.newBuilder()
                .setPayload(ByteString.copyFrom(new byte[] {(byte) 0x0a, (byte) 0x7f}))).build();
        DecodeResult result = codec.decode(bad.toByteArray());
        assertRejected(result, RejectReason.MALFORMED_MESSAGE);
        assertThat(((DecodeResult.Rejected) result).fromId()).isEqualTo(AGENT);
    }

    @Test
    void rejectsMessagesWithoutMsgIdOrBody() {
        UspMsg.Msg noId = UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder()
                .setMsgType(UspMsg.Header.MsgType.NOTIFY)).setBody(notifyBody()).build();
        assertRejected(codec.decode(wrap(noId).toByteArray()), RejectReason.INVALID_MESSAGE_HEADER);
        UspMsg.Msg noBody = UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("m1")).build();
        assertRejected(codec.decode(wrap(noBody).toByteArray()), RejectReason.INVALID_MESSAGE_HEADER);
    }

    @Test
    void acceptsConnectRecordsWithoutMessage() {
        UspRecord.Record connect = valid().toBuilder().setMqttConnect(UspRecord.MQTTConnectRecord.newBuilder()
                .setSubscribedTopic("usp/agent/x")).build();
        DecodeResult result = codec.decode(connect.toByteArray());
        assertThat(result).isInstanceOfSatisfying(DecodeResult.Accepted.class, accepted -> {
            assertThat(accepted.message()).isEmpty();
            assertThat(accepted.recordType()).isEqualTo(UspRecord.Record.RecordTypeCase.MQTT_CONNECT);
        });
    }

    private static UspRecord.Record valid() {
        UspMsg.Msg msg = UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId("m1")
                .setMsgType(UspMsg.Header.MsgType.NOTIFY)).setBody(notifyBody()).build();
        return wrap(msg);
    }

    private static UspRecord.Record wrap(UspMsg.Msg msg) {
        return UspRecordCodec.noSessionContext("1.3", CONTROLLER, AGENT, msg);
    }

    private static UspMsg.Body notifyBody() {
        return UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setNotify(UspMsg.Notify.newBuilder()
                .setSubscriptionId("s").setValueChange(UspMsg.Notify.ValueChange.newBuilder()
                        .setParamPath("Device.X").setParamValue("1")))).build();
    }

    private static void assertRejected(DecodeResult result, RejectReason reason) {
        assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
