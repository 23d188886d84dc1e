package io.cpeoperator.bridge.usp.wire;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;

import java.util.Objects;
import java.util.Optional;

/** The outcome of decoding one inbound record: a typed record or a reasoned rejection, never an exception. */
public sealed interface DecodeResult {

    /**
     * A record that parsed and passed the envelope checks.
     *
     * @param record  the record as received
     * @param message the decoded payload of a NoSessionContext record; empty for connect, disconnect and
     *                session-context records
     */
    record Accepted(UspRecord.Record record, Optional<UspMsg.Msg> message) implements DecodeResult {
        public Accepted {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(message, "message");
        }

        public String fromId() {
            return record.getFromId();
        }

        public UspRecord.Record.RecordTypeCase recordType() {
            return record.getRecordTypeCase();
        }
    }

    /**
     * A record that was not accepted.
     *
     * @param reason what was wrong
     * @param detail a short human-readable explanation for the log
     * @param fromId the sender's endpoint ID when the envelope parsed far enough to tell, else empty
     */
    record Rejected(RejectReason reason, String detail, String fromId) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
            fromId = fromId == null ? "" : fromId;
        }
    }
}
