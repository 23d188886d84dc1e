package io.cpeoperator.bridge.usp.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Decodes inbound USP records (and the message inside a NoSessionContext record) and encodes outbound ones.
 *
 * <p>Every inbound byte is hostile: the size is checked before parsing, protobuf nesting is bounded, envelope
 * fields are checked, and every failure ends in a {@link DecodeResult.Rejected} with a reason instead of an
 * exception. Re-encoding a decoded record yields the same bytes (unknown fields and map order are preserved), which
 * the captured-vector test holds us to.
 */
public final class UspRecordCodec {

    /** Default limit for one record: 4 MiB, far above a full Get of a large data model in one response. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024;
    /** Longest endpoint ID accepted (TR-369 has no limit; real ones are well under 100 characters). */
    public static final int MAX_ENDPOINT_ID_LENGTH = 256;
    /** USP messages nest about ten levels deep; anything far deeper is an attack on the parser. */
    private static final int RECURSION_LIMIT = 40;
    private static final int MAX_VERSION_LENGTH = 16;

    private final int maxRecordBytes;

    public UspRecordCodec(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive");
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    public UspRecordCodec() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public DecodeResult decode(byte[] bytes) {
        if (bytes.length > maxRecordBytes) {
            return oversized(bytes.length);
        }
        return decode(CodedInputStream.newInstance(bytes));
    }

    /** Decodes the remaining bytes of the buffer without changing its position. */
    public DecodeResult decode(ByteBuffer buffer) {
        if (buffer.remaining() > maxRecordBytes) {
            return oversized(buffer.remaining());
        }
        return decode(CodedInputStream.newInstance(buffer.duplicate()));
    }

    private DecodeResult oversized(int size) {
        return new DecodeResult.Rejected(RejectReason.OVERSIZED,
                "record of " + size + " bytes exceeds the limit of " + maxRecordBytes, "");
    }

    private DecodeResult decode(CodedInputStream input) {
        input.setRecursionLimit(RECURSION_LIMIT);
        input.setSizeLimit(maxRecordBytes);
        UspRecord.Record record;
        try {
            record = UspRecord.Record.parser().parseFrom(input);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return new DecodeResult.Rejected(RejectReason.MALFORMED_RECORD, describe(e), "");
        }
        String envelopeProblem = envelopeProblem(record);
        if (envelopeProblem != null) {
            String from = validEndpointId(record.getFromId()) ? record.getFromId() : "";
            return new DecodeResult.Rejected(RejectReason.INVALID_ENVELOPE, envelopeProblem, from);
        }
        if (record.getPayloadSecurity() != UspRecord.Record.PayloadSecurity.PLAINTEXT) {
            return new DecodeResult.Rejected(RejectReason.UNSUPPORTED_PAYLOAD_SECURITY,
                    "payload_security " + record.getPayloadSecurityValue() + " is not supported", record.getFromId());
        }
        if (record.getRecordTypeCase() == UspRecord.Record.RecordTypeCase.RECORDTYPE_NOT_SET) {
            return new DecodeResult.Rejected(RejectReason.MISSING_RECORD_TYPE, "record_type not set",
                    record.getFromId());
        }
        if (record.getRecordTypeCase() != UspRecord.Record.RecordTypeCase.NO_SESSION_CONTEXT) {
            return new DecodeResult.Accepted(record, Optional.empty());
        }
        return decodeMessage(record);
    }

    private DecodeResult decodeMessage(UspRecord.Record record) {
        UspMsg.Msg msg;
        try {
            CodedInputStream input = record.getNoSessionContext().getPayload().newCodedInput();
            input.setRecursionLimit(RECURSION_LIMIT);
            msg = UspMsg.Msg.parser().parseFrom(input);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return new DecodeResult.Rejected(RejectReason.MALFORMED_MESSAGE, describe(e), record.getFromId());
        }
        if (!msg.hasHeader() || msg.getHeader().getMsgId().isEmpty()) {
            return new DecodeResult.Rejected(RejectReason.INVALID_MESSAGE_HEADER, "message without msg_id",
                    record.getFromId());
        }
        if (!msg.hasBody() || msg.getBody().getMsgBodyCase() == UspMsg.Body.MsgBodyCase.MSGBODY_NOT_SET) {
            return new DecodeResult.Rejected(RejectReason.INVALID_MESSAGE_HEADER,
                    "message " + msg.getHeader().getMsgId() + " without body", record.getFromId());
        }
        return new DecodeResult.Accepted(record, Optional.of(msg));
    }

    private static String envelopeProblem(UspRecord.Record record) {
        if (record.getVersion().isEmpty() || record.getVersion().length() > MAX_VERSION_LENGTH) {
            return "missing or invalid version";
        }
        if (!validEndpointId(record.getFromId())) {
            return "missing or invalid from_id";
        }
        if (!validEndpointId(record.getToId())) {
            return "missing or invalid to_id";
        }
        return null;
    }

    /** True for a non-empty endpoint ID of bounded length without control characters. */
    public static boolean validEndpointId(String id) {
        if (id.isEmpty() || id.length() > MAX_ENDPOINT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + truncate(message));
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Serializes a record for an MTP. */
    public byte[] encode(UspRecord.Record record) {
        return record.toByteArray();
    }

    /** Wraps a message into a plaintext NoSessionContext record. */
    public static UspRecord.Record noSessionContext(String version, String toId, String fromId, UspMsg.Msg msg) {
        return UspRecord.Record.newBuilder()
                .setVersion(version)
                .setToId(toId)
                .setFromId(fromId)
                .setNoSessionContext(UspRecord.NoSessionContextRecord.newBuilder()
                        .setPayload(msg.toByteString()))
                .build();
    }
}
