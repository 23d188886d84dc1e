package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspErrors;
import io.cpeoperator.bridge.usp.wire.UspMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Handles one accepted record on its endpoint's lane: connect and disconnect records, responses (to their waiting
 * requests), notifications (to the {@link NotifyHandler}); anything a controller does not serve is answered with a
 * USP Error or, for session-context records, a DisconnectRecord.
 */
final class MessageDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);
    /** TR-369 7103: SessionContext (and its segmentation) is not implemented by this controller. */
    static final int SESSION_CONTEXT_NOT_SUPPORTED = 7103;

    private final UspRequester requester;
    private final NotifyHandler notifyHandler;
    private final AgentOnboarding onboarding;
    private final DeviceEventBus events;
    private final UspMetrics metrics;
    private final Clock clock;

    MessageDispatcher(UspRequester requester, NotifyHandler notifyHandler, AgentOnboarding onboarding,
                      DeviceEventBus events, UspMetrics metrics, Clock clock) {
        this.requester = requester;
        this.notifyHandler = notifyHandler;
        this.onboarding = onboarding;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    void handle(AgentSession session, DecodeResult.Accepted accepted, Optional<MtpRoute> route) {
        try {
            dispatch(session, accepted, route);
        } catch (RuntimeException e) {
            metrics.dropped("internal_error");
            LOG.error("failed to handle a {} record from {}", accepted.recordType(), session.deviceId(), e);
        }
    }

    private void dispatch(AgentSession session, DecodeResult.Accepted accepted, Optional<MtpRoute> route) {
        UspRecord.Record record = accepted.record();
        // any record is a sign of life; one from an agent reported silent means it is back
        boolean wasSilent = session.heard(clock.millis());
        switch (record.getRecordTypeCase()) {
            case MQTT_CONNECT, WEBSOCKET_CONNECT -> {
                route.ifPresent(session::route);
                LOG.info("{} connected over {}", session.deviceId(), route.map(Object::toString).orElse("?"));
                onboarding.onContact(session, record.hasMqttConnect() ? "MQTTConnect" : "WebSocketConnect", false);
            }
            case DISCONNECT -> {
                session.connected(false);
                LOG.info("{} disconnected: {} ({})", session.deviceId(), record.getDisconnect().getReason(),
                        record.getDisconnect().getReasonCode());
                events.publish(new DeviceEvent.Disconnected(session.deviceId(), clock.instant(),
                        record.getDisconnect().getReason()));
            }
            case SESSION_CONTEXT -> rejectSessionContext(session, record, route);
            case NO_SESSION_CONTEXT -> handleMessage(session, accepted.message().orElseThrow(), route, wasSilent);
            default -> {
                metrics.dropped(UspMetrics.UNSUPPORTED_MESSAGE);
                LOG.warn("dropped {} record from {}: not supported by this controller", record.getRecordTypeCase(),
                        session.deviceId());
            }
        }
    }

    /** The channel of one route closed; the agent is disconnected unless it already reconnected elsewhere. */
    void transportClosed(AgentSession session, String address, String reason) {
        if (session.boundAddress().map(address::equals).orElse(true)) {
            session.connected(false);
            LOG.info("{} disconnected: {}", session.deviceId(), reason);
            events.publish(new DeviceEvent.Disconnected(session.deviceId(), clock.instant(), reason));
        }
    }

    private void handleMessage(AgentSession session, UspMsg.Msg msg, Optional<MtpRoute> route, boolean wasSilent) {
        route.ifPresent(session::route);
        UspMsg.Body body = msg.getBody();
        if (!body.hasRequest()) {
            if (!requester.complete(session.endpointId(), msg)) {
                metrics.dropped(UspMetrics.UNSOLICITED_RESPONSE);
                LOG.debug("dropped unsolicited {} {} from {}", msg.getHeader().getMsgType(),
                        msg.getHeader().getMsgId(), session.deviceId());
            }
            if (wasSilent) {
                onboarding.onContact(session, "Response", false);
            }
            return;
        }
        if (!body.getRequest().hasNotify()) {
            metrics.dropped(UspMetrics.UNSUPPORTED_MESSAGE);
            LOG.warn("{} sent a {} request, which a controller does not serve; answering with Error 7001",
                    session.deviceId(), body.getRequest().getReqTypeCase());
            requester.sendMessage(session, UspMessages.error(msg.getHeader().getMsgId(),
                    UspErrors.MESSAGE_NOT_SUPPORTED, "Message not supported by this controller"));
            return;
        }
        if (route.isEmpty() && session.route().isEmpty()) {
            metrics.dropped(UspMetrics.NO_REPLY_ROUTE);
            LOG.warn("{} sent a Notify without a reply address; handled, but it cannot be answered",
                    session.deviceId());
        }
        if (!session.isConnected()) {
            onboarding.onContact(session, "Notify", false);
        }
        notifyHandler.handle(session, msg);
    }

    private void rejectSessionContext(AgentSession session, UspRecord.Record record, Optional<MtpRoute> route) {
        metrics.dropped(UspMetrics.SESSION_CONTEXT);
        LOG.warn("{} sent a SessionContext record; this controller speaks NoSessionContext only, answering with a"
                + " DisconnectRecord", session.deviceId());
        route.or(session::route).ifPresent(target -> requester.sendRecord(target, UspRecord.Record.newBuilder()
                        .setDisconnect(UspRecord.DisconnectRecord.newBuilder()
                                .setReason("SessionContext records are not supported; use NoSessionContext")
                                .setReasonCode(SESSION_CONTEXT_NOT_SUPPORTED)),
                session.endpointId(), record.getVersion()));
    }
}
