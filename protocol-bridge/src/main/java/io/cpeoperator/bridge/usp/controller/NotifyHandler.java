package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEventBus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.wire.UspMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Applies notifications to the twin and the event stream, and answers NotifyResp (same msg_id, same
 * subscription_id) whenever the agent asked for one: agents retry a notification until they get it.
 */
final class NotifyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyHandler.class);
    static final String BOOT_EVENT = "Boot!";
    static final String PERIODIC_OBJECT = "Device.LocalAgent.";
    static final String PERIODIC_EVENT = "Periodic!";
    /** A Boot! ParameterMap larger than this is ignored (it only repeats values the sync reads anyway). */
    private static final int MAX_PARAMETER_MAP_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwinStore twin;
    private final DeviceEventBus events;
    private final AgentOnboarding onboarding;
    private final UspRequester requester;
    private final UspMetrics metrics;
    private final Clock clock;
    private final BiConsumer<AgentSession, UspMsg.Notify.OperationComplete> operationCompleteHook;

    NotifyHandler(TwinStore twin, DeviceEventBus events, AgentOnboarding onboarding, UspRequester requester,
                  UspMetrics metrics, Clock clock,
                  BiConsumer<AgentSession, UspMsg.Notify.OperationComplete> operationCompleteHook) {
        this.twin = twin;
        this.events = events;
        this.onboarding = onboarding;
        this.requester = requester;
        this.metrics = metrics;
        this.clock = clock;
        this.operationCompleteHook = operationCompleteHook;
    }

    void handle(AgentSession session, UspMsg.Msg msg) {
        UspMsg.Notify notify = msg.getBody().getRequest().getNotify();
        try {
            apply(session, notify);
        } finally {
            if (notify.getSendResp()) {
                requester.sendMessage(session, UspMessages.notifyResp(msg.getHeader().getMsgId(),
                        notify.getSubscriptionId()));
            }
        }
    }

    private void apply(AgentSession session, UspMsg.Notify notify) {
        Instant now = clock.instant();
        switch (notify.getNotificationCase()) {
            case VALUE_CHANGE -> {
                metrics.notification("value_change");
                UspMsg.Notify.ValueChange change = notify.getValueChange();
                twin.applyUpdates(session.deviceId(), List.of(ParameterValue.of(change.getParamPath(),
                        change.getParamValue())), now);
                events.publish(new DeviceEvent.TwinChanged(session.deviceId(), now, Set.of(change.getParamPath())));
            }
            case OBJ_CREATION -> {
                metrics.notification("object_creation");
                UspMsg.Notify.ObjectCreation creation = notify.getObjCreation();
                twin.objectCreated(session.deviceId(), creation.getObjPath(), UspMessages.toMap(
                        creation.getUniqueKeysList(), UspMsg.Notify.ObjectCreation.UniqueKeysEntry::getKey,
                        UspMsg.Notify.ObjectCreation.UniqueKeysEntry::getValue), now);
                events.publish(new DeviceEvent.TwinChanged(session.deviceId(), now, Set.of(creation.getObjPath())));
            }
            case OBJ_DELETION -> {
                metrics.notification("object_deletion");
                String path = notify.getObjDeletion().getObjPath();
                twin.objectDeleted(session.deviceId(), path, now);
                events.publish(new DeviceEvent.TwinChanged(session.deviceId(), now, Set.of(path)));
            }
            case EVENT -> handleEvent(session, notify.getEvent(), now);
            case OPER_COMPLETE -> handleOperationComplete(session, notify.getOperComplete(), now);
            case ON_BOARD_REQ -> {
                metrics.notification("on_board_request");
                LOG.info("{} asks to be onboarded (OUI {}, serial {})", session.deviceId(),
                        notify.getOnBoardReq().getOui(), notify.getOnBoardReq().getSerialNumber());
                onboarding.onContact(session, "OnBoardRequest", false);
            }
            default -> {
                metrics.notification("empty");
                LOG.warn("{} sent a Notify without a notification", session.deviceId());
            }
        }
    }

    private void handleEvent(AgentSession session, UspMsg.Notify.Event event, Instant now) {
        Map<String, String> params = UspMessages.toMap(event.getParamsList(), UspMsg.Notify.Event.ParamsEntry::getKey,
                UspMsg.Notify.Event.ParamsEntry::getValue);
        if (!BOOT_EVENT.equals(event.getEventName())) {
            // a Periodic! heartbeat is passed on like any event: it is a contact (the operator's last contact)
            boolean heartbeat = PERIODIC_EVENT.equals(event.getEventName())
                    && PERIODIC_OBJECT.equals(event.getObjPath());
            metrics.notification(heartbeat ? "periodic" : "event");
            events.publish(new DeviceEvent.Other(session.deviceId(), now, event.getObjPath() + event.getEventName(),
                    params));
            return;
        }
        metrics.notification("boot");
        Map<String, String> bootParameters = parameterMap(session, params.getOrDefault("ParameterMap", ""));
        if (!bootParameters.isEmpty()) {
            List<ParameterValue> values = new ArrayList<>(bootParameters.size());
            bootParameters.forEach((path, value) -> values.add(ParameterValue.of(path, value)));
            twin.applyUpdates(session.deviceId(), values, now);
        }
        String cause = params.getOrDefault("Cause", "");
        LOG.info("{} booted: {} (command key '{}')", session.deviceId(), cause, params.getOrDefault("CommandKey", ""));
        events.publish(new DeviceEvent.Booted(session.deviceId(), now, cause,
                bootParameters.getOrDefault("Device.DeviceInfo.SoftwareVersion", "")));
        onboarding.onContact(session, BOOT_EVENT, true);
    }

    private void handleOperationComplete(AgentSession session, UspMsg.Notify.OperationComplete complete,
                                         Instant now) {
        metrics.notification("operation_complete");
        int faultCode = complete.hasCmdFailure() ? complete.getCmdFailure().getErrCode() : 0;
        String faultString = complete.hasCmdFailure() ? complete.getCmdFailure().getErrMsg() : "";
        Map<String, String> outputs = complete.hasReqOutputArgs()
                ? UspMessages.toMap(complete.getReqOutputArgs().getOutputArgsList(),
                UspMsg.Notify.OperationComplete.OutputArgs.OutputArgsEntry::getKey,
                UspMsg.Notify.OperationComplete.OutputArgs.OutputArgsEntry::getValue)
                : Map.of();
        events.publish(new DeviceEvent.OperationCompleted(session.deviceId(), now,
                complete.getObjPath() + complete.getCommandName(), complete.getCommandKey(), faultCode, faultString,
                outputs));
        operationCompleteHook.accept(session, complete);
    }

    private static Map<String, String> parameterMap(AgentSession session, String json) {
        if (json.isEmpty() || json.length() > MAX_PARAMETER_MAP_CHARS) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<>() { });
            Map<String, String> values = new java.util.LinkedHashMap<>();
            raw.forEach((path, value) -> {
                if (path.startsWith("Device.") && value != null && !(value instanceof Map || value instanceof List)) {
                    values.put(path, value.toString());
                }
            });
            return values;
        } catch (JsonProcessingException e) {
            LOG.warn("{} sent a Boot! ParameterMap that is not a JSON object; ignored", session.deviceId());
            return Map.of();
        }
    }
}
