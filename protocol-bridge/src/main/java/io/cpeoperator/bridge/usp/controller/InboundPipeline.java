package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.usp.mtp.InboundRecordSink;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cheap checks every inbound record passes on the MTP's I/O thread, in order: size and decoding, to_id, the
 * endpoint's transport identity and bound address (spoofing), the endpoint table's bound, the endpoint's rate
 * limit, and a place in its processing lane. Every drop is counted by reason and logged with the endpoint ID; the
 * I/O thread never blocks and never throws, so one agent cannot hold up another.
 */
final class InboundPipeline implements InboundRecordSink {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);

    private final String controllerId;
    private final UspRecordCodec codec;
    private final AgentSessions sessions;
    private final ProcessingLanes lanes;
    private final MessageDispatcher dispatcher;
    private final UspMetrics metrics;
    // a flood must not turn into a log flood: one line per reason per second, with the count in between
    private final LogThrottle logThrottle = new LogThrottle(1_000_000_000L);

    InboundPipeline(String controllerId, UspRecordCodec codec, AgentSessions sessions, ProcessingLanes lanes,
                    MessageDispatcher dispatcher, UspMetrics metrics) {
        this.controllerId = controllerId;
        this.codec = codec;
        this.sessions = sessions;
        this.lanes = lanes;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public void onRecord(ByteBuffer payload, String mtp, Function<UspRecord.Record, Optional<MtpRoute>> routes) {
        try {
            accept(payload, mtp, routes);
        } catch (RuntimeException e) {
            // a bug must cost one record, never the MTP's I/O thread
            metrics.dropped("internal_error");
            LOG.error("unexpected failure handling a record received over {}", mtp, e);
        }
    }

    private void accept(ByteBuffer payload, String mtp, Function<UspRecord.Record, Optional<MtpRoute>> routes) {
        metrics.received(mtp);
        DecodeResult result = codec.decode(payload);
        if (result instanceof DecodeResult.Rejected rejected) {
            drop(rejected.reason().tag(), rejected.fromId(), rejected.detail() + ", over " + mtp);
            return;
        }
        DecodeResult.Accepted accepted = (DecodeResult.Accepted) result;
        UspRecord.Record record = accepted.record();
        String from = record.getFromId();
        if (!controllerId.equals(record.getToId())) {
            drop(UspMetrics.WRONG_TO_ID, from, "record addressed to " + record.getToId());
            return;
        }
        Optional<MtpRoute> route = routes.apply(record);
        Optional<String> transportId = route.flatMap(MtpRoute::transportEndpointId);
        if (transportId.isPresent() && !transportId.get().equals(from)) {
            drop(UspMetrics.SPOOFED_FROM_ID, from, "connection belongs to " + transportId.get());
            return;
        }
        Optional<AgentSession> known = sessions.find(from);
        if (known.isEmpty() && accepted.message().map(msg -> !msg.getBody().hasRequest()).orElse(false)) {
            drop(UspMetrics.UNKNOWN_ENDPOINT, from, "response from an endpoint never contacted");
            return;
        }
        if (known.isPresent() && isSpoofed(known.get(), route, record)) {
            drop(UspMetrics.SPOOFED_FROM_ID, from, "arrived from " + route.get().address() + " but bound to "
                    + known.get().boundAddress().orElse("?"));
            return;
        }
        Optional<AgentSession> session = known.or(() -> sessions.findOrCreate(from, record.getVersion(),
                System.nanoTime()));
        if (session.isEmpty()) {
            drop(UspMetrics.TOO_MANY_ENDPOINTS, from, "endpoint table full");
            return;
        }
        if (!session.get().rateLimiter().tryAcquire(System.nanoTime())) {
            drop(UspMetrics.RATE_LIMITED, from, "rate limit exceeded");
            return;
        }
        AgentSession target = session.get();
        if (!lanes.submit(from, () -> dispatcher.handle(target, accepted, route))) {
            drop(UspMetrics.QUEUE_FULL, from, "processing queue full");
        }
    }

    @Override
    public void onDisconnected(String endpointId, String address, String reason) {
        sessions.find(endpointId).ifPresent(session -> {
            if (!lanes.submit(endpointId, () -> dispatcher.transportClosed(session, address, reason))) {
                metrics.dropped(UspMetrics.QUEUE_FULL);
            }
        });
    }

    /**
     * Over MQTT nothing authenticates from_id, so an endpoint stays bound to the reply address it first used; the
     * same endpoint ID from another address is taken as spoofed unless it is a connect record (an agent that moved
     * topic reconnects and announces its new topic). Brokers should also enforce per-client topic ACLs.
     */
    private static boolean isSpoofed(AgentSession session, Optional<MtpRoute> route, UspRecord.Record record) {
        if (route.isEmpty() || route.get().transportEndpointId().isPresent() || record.hasMqttConnect()) {
            return false;
        }
        Optional<String> bound = session.boundAddress();
        return bound.isPresent() && !bound.get().equals(route.get().address());
    }

    private void drop(String reason, String from, String detail) {
        metrics.dropped(reason);
        long suppressed = logThrottle.permit(reason);
        if (suppressed >= 0) {
            LOG.warn("dropped record from {}: {} ({}){}", endpointForLog(from), reason, detail,
                    suppressed > 0 ? "; " + suppressed + " more dropped for this reason since the last report" : "");
        }
    }

    private static String endpointForLog(String endpointId) {
        return endpointId.isEmpty() ? "an unidentified sender" : "usp:" + endpointId;
    }
}
