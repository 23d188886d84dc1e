package io.cpeoperator.bridge.usp.wire;

/** Why an inbound USP record was not accepted. Each reason is a metric tag, so the set is closed and small. */
public enum RejectReason {
    /** The record is larger than the configured limit; it was not parsed at all. */
    OVERSIZED("oversized"),
    /** The bytes are not a protobuf {@code usp_record.Record}. */
    MALFORMED_RECORD("malformed_record"),
    /** The record carries no version, from_id or to_id, or ids that are too long or contain control characters. */
    INVALID_ENVELOPE("invalid_envelope"),
    /** The record's oneof {@code record_type} is not set. */
    MISSING_RECORD_TYPE("missing_record_type"),
    /** The record asks for end-to-end payload security (TLS12), which this controller does not implement. */
    UNSUPPORTED_PAYLOAD_SECURITY("unsupported_payload_security"),
    /** A NoSessionContext payload is not a protobuf {@code usp.Msg}. */
    MALFORMED_MESSAGE("malformed_message"),
    /** The message has no header, no msg_id or no body. */
    INVALID_MESSAGE_HEADER("invalid_message_header");

    private final String tag;

    RejectReason(String tag) {
        this.tag = tag;
    }

    /** The value used as a metric tag and in logs. */
    public String tag() {
        return tag;
    }
}
