package io.cpeoperator.bridge.usp.mtp;

import io.cpeoperator.bridge.usp.proto.UspRecord;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an MTP hands every received record. Called on the MTP's I/O thread: implementations must not block.
 */
public interface InboundRecordSink {

    /**
     * @param payload  the record bytes exactly as received (not yet parsed)
     * @param mtp      the MTP's tag for metrics and logs ("mqtt", "websocket")
     * @param route    resolves the reply route once the record is parsed: from transport metadata (MQTT Response
     *                 Topic, the 3.1.1 reply-to suffix, the WebSocket) or from the record itself (MQTTConnectRecord);
     *                 empty when the agent cannot be answered
     */
    void onRecord(ByteBuffer payload, String mtp, Function<UspRecord.Record, Optional<MtpRoute>> route);

    /** The channel of a route closed (WebSocket); {@code address} is the closed route's {@link MtpRoute#address()}. */
    default void onDisconnected(String endpointId, String address, String reason) {
    }
}
