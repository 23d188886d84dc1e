package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.Header.MsgType;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.UspErrors;
import io.cpeoperator.bridge.usp.wire.UspMessages;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests to agents and completes their futures when the response with the same msg_id arrives from the same
 * endpoint; a USP Error completes the future with a {@link DeviceOperationException}, silence with a timeout.
 */
public final class UspRequester {

    private static final Logger LOG = LoggerFactory.getLogger(UspRequester.class);

    private final String controllerId;
    private final UspRecordCodec codec;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final UspMetrics metrics;
    // a fresh prefix per start keeps msg_ids unique across controller restarts (agents may still answer old ones)
    private final String msgIdPrefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public UspRequester(String controllerId, UspRecordCodec codec, ScheduledExecutorService timer, Duration timeout,
                        UspMetrics metrics) {
        this.controllerId = controllerId;
        this.codec = codec;
        this.timer = timer;
        this.timeout = timeout;
        this.metrics = metrics;
        byte[] nonce = new byte[4];
        new SecureRandom().nextBytes(nonce);
        this.msgIdPrefix = "cpe-" + HexFormat.of().formatHex(nonce) + "-";
    }

    /** Sends a request; the future completes with the agent's response body or fails. */
    public CompletableFuture<UspMsg.Response> send(AgentSession session, MsgType type, UspMsg.Request request) {
        Optional<MtpRoute> route = session.route();
        if (route.isEmpty()) {
            metrics.request(type.name(), "unreachable");
            return CompletableFuture.failedFuture(new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                    "no open route to " + session.deviceId()));
        }
        String msgId = msgIdPrefix + sequence.incrementAndGet();
        CompletableFuture<UspMsg.Response> future = new CompletableFuture<>();
        long startNanos = System.nanoTime();
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> expire(msgId), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(msgId, new Pending(session.endpointId(), type, future, timeoutTask, startNanos));
        UspMsg.Msg msg = UspMessages.request(msgId, type, request);
        route.get().send(codec.encode(UspRecordCodec.noSessionContext(session.recordVersion(),
                session.endpointId(), controllerId, msg)));
        return future;
    }

    /** Sends a message that expects no answer (NotifyResp, Error). */
    public void sendMessage(AgentSession session, UspMsg.Msg msg) {
        session.route().ifPresent(route -> route.send(codec.encode(UspRecordCodec.noSessionContext(
                session.recordVersion(), session.endpointId(), controllerId, msg))));
    }

    /** Sends a record without a message (DisconnectRecord) over the given route. */
    public void sendRecord(MtpRoute route, UspRecord.Record.Builder record, String toId, String version) {
        route.send(codec.encode(record.setVersion(version).setToId(toId).setFromId(controllerId).build()));
    }

    /**
     * Completes the request the response answers. False when no request of this endpoint waits for the msg_id
     * (late, duplicated or spoofed response).
     */
    public boolean complete(String fromId, UspMsg.Msg msg) {
        String msgId = msg.getHeader().getMsgId();
        Pending waiting = pending.get(msgId);
        if (waiting == null || !waiting.endpointId().equals(fromId) || !pending.remove(msgId, waiting)) {
            return false;
        }
        waiting.timeoutTask().cancel(false);
        metrics.requestLatency(Duration.ofNanos(System.nanoTime() - waiting.startNanos()));
        UspMsg.Body body = msg.getBody();
        if (body.hasError()) {
            metrics.request(waiting.type().name(), "error");
            waiting.future().completeExceptionally(UspErrors.fromError(body.getError()));
        } else if (body.hasResponse()) {
            metrics.request(waiting.type().name(), "ok");
            waiting.future().complete(body.getResponse());
        } else {
            metrics.request(waiting.type().name(), "invalid");
            waiting.future().completeExceptionally(new DeviceOperationException(UspErrors.MESSAGE_FAILED,
                    "agent answered " + waiting.type() + " with a request"));
        }
        return true;
    }

    /** Fails every request waiting on the endpoint (device forgotten, controller stopping). */
    public void cancelAll(String endpointId, String reason) {
        pending.forEach((msgId, waiting) -> {
            if ((endpointId == null || waiting.endpointId().equals(endpointId)) && pending.remove(msgId, waiting)) {
                waiting.timeoutTask().cancel(false);
                waiting.future().completeExceptionally(
                        new DeviceOperationException(DeviceOperationException.CANCELLED, reason));
            }
        });
    }

    int pendingCount() {
        return pending.size();
    }

    private void expire(String msgId) {
        Pending waiting = pending.remove(msgId);
        if (waiting != null) {
            metrics.request(waiting.type().name(), "timeout");
            LOG.debug("{} {} to usp:{} timed out", waiting.type(), msgId, waiting.endpointId());
            waiting.future().completeExceptionally(new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                    waiting.type() + " got no response within " + timeout.toSeconds() + " s"));
        }
    }

    private record Pending(String endpointId, MsgType type, CompletableFuture<UspMsg.Response> future,
                           ScheduledFuture<?> timeoutTask, long startNanos) {
    }
}
