package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import io.cpeoperator.simulator.bulkdata.PushSink;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.ManagementAgent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A USP agent over MQTT: sends the MQTTConnectRecord and Boot! after subscribing, answers every controller
 * message, polls value-change subscriptions every 15 s (and at once after a Set, as obuspa does), carries bulk data
 * as {@code Push!} events ({@link #pushSink()}), and reconnects after the broker drops it.
 */
public final class UspAgent implements ManagementAgent, MqttLink.Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(UspAgent.class);
    private static final long POLL_MILLIS = 15_000;
    private static final long RECONNECT_MILLIS = 5_000;
    private static final java.util.Set<UspMsg.Request.ReqTypeCase> WRITES = java.util.EnumSet.of(
            UspMsg.Request.ReqTypeCase.SET, UspMsg.Request.ReqTypeCase.ADD, UspMsg.Request.ReqTypeCase.DELETE);

    private final VirtualDevice device;
    private final DeviceLifecycle lifecycle;
    private final UspSettings settings;
    private final UspRecordCodec codec;
    private final MqttLink link;
    private final UspNotifier notifier;
    private final PeriodicNotifications periodic;
    private final UspOperateHandler operations;
    private final Counter received;
    private final Counter rejected;
    private final Counter sent;
    private final String agentTopic;
    private volatile boolean online;
    private volatile boolean connected;
    private final Map<String, CompletableFuture<Void>> loadAcks = new ConcurrentHashMap<>();
    private final AtomicLong loadIds = new AtomicLong();
    private ScheduledFuture<?> poller;

    public UspAgent(DeviceLifecycle lifecycle, UspSettings settings, UspRecordCodec codec, MeterRegistry registry) {
        this.device = lifecycle.device();
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.codec = codec;
        this.agentTopic = settings.agentTopicPrefix() + device.endpointId();
        this.link = "3.1.1".equals(device.profile().transport().mqttVersion())
                ? new Mqtt3Link(settings.brokerHost(), settings.brokerPort(), device.endpointId(), agentTopic,
                        settings.controllerTopic(), this)
                : new Mqtt5Link(settings.brokerHost(), settings.brokerPort(), device.endpointId(), agentTopic,
                        settings.controllerTopic(), this);
        this.notifier = new UspNotifier(device, lifecycle.scheduler(), msg -> send(msg, null));
        this.periodic = new PeriodicNotifications(device, lifecycle.scheduler(), notifier);
        this.operations = new UspOperateHandler(lifecycle, notifier);
        this.received = registry.counter("cpe.sim.usp.messages.received");
        this.rejected = registry.counter("cpe.sim.usp.records.rejected");
        this.sent = registry.counter("cpe.sim.usp.messages.sent");
    }

    @Override
    public DeviceId id() {
        return device.id();
    }

    public UspNotifier notifier() {
        return notifier;
    }

    /** The Push! path of {@code USPEventNotif} bulk-data profiles: only while connected, only when subscribed. */
    public PushSink pushSink() {
        return new PushSink() {
            @Override
            public boolean wanted(String profilePath) {
                return isOnline() && notifier.recipientOf("Event", profilePath + "Push!").isPresent();
            }

            @Override
            public void push(String profilePath, String data) {
                notifier.event(profilePath, "Push!", Map.of("Data", data));
            }
        };
    }

    @Override
    public void goOnline() {
        online = true;
        link.connect(this::ready, this::lost);
    }

    @Override
    public void goOffline() {
        online = false;
        connected = false;
        synchronized (this) {
            if (poller != null) {
                poller.cancel(false);
                poller = null;
            }
        }
        periodic.stop();
        notifier.reset();
        link.disconnect();
    }

    @Override
    public void transferCompleted() {
        // USP reports transfers through OperationComplete / TransferComplete! as they happen
    }

    /** True once connected and subscribed, until the device goes down or the broker drops it. */
    @Override
    public boolean isOnline() {
        return online && connected;
    }

    private void ready() {
        if (!online) {
            return;
        }
        connected = true;
        UspRecord.Record connect = UspRecord.Record.newBuilder()
                .setVersion(UspSettings.RECORD_VERSION).setToId(settings.controllerEndpointId()).setFromId(device.endpointId())
                .setMqttConnect(UspRecord.MQTTConnectRecord.newBuilder()
                        .setVersion("3.1.1".equals(device.profile().transport().mqttVersion())
                                ? UspRecord.MQTTConnectRecord.MQTTVersion.V3_1_1 : UspRecord.MQTTConnectRecord.MQTTVersion.V5)
                        .setSubscribedTopic(agentTopic))
                .build();
        link.publish(codec.encode(connect), null);
        for (VirtualDevice.BootRecord boot : device.takePendingBoots()) {
            if (boot.cause() != BootCause.FACTORY_FRESH) {
                notifier.dropNonPersistent();
            }
            notifier.event("Device.", "Boot!", bootParams(boot));
        }
        notifier.valuesChanged();
        periodic.start();
        synchronized (this) {
            if (poller == null) {
                poller = lifecycle.scheduler().scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void poll() {
        try {
            notifier.valuesChanged();
            periodic.rearm(); // catches changes made on the device itself
        } catch (RuntimeException e) {
            LOG.warn("{} notification poll failed", device.id(), e);
        }
    }

    private void lost() {
        connected = false;
        if (!online) {
            return;
        }
        LOG.info("{} lost its MQTT connection; reconnecting in {} ms", device.id(), RECONNECT_MILLIS);
        lifecycle.scheduler().schedule(() -> {
            if (online) {
                link.disconnect();
                link.connect(this::ready, this::lost);
            }
        }, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Map<String, String> bootParams(VirtualDevice.BootRecord boot) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Cause", boot.cause().uspCause());
        params.put("CommandKey", boot.commandKey());
        params.put("FirmwareUpdated", Boolean.toString(boot.firmwareUpdated()));
        StringBuilder map = new StringBuilder("{");
        for (String path : new String[] {"Device.DeviceInfo.SerialNumber", "Device.DeviceInfo.SoftwareVersion"}) {
            if (map.length() > 1) {
                map.append(',');
            }
            map.append('"').append(path).append("\":\"").append(device.valueOf(path)).append('"');
        }
        params.put("ParameterMap", map.append('}').toString());
        params.put("Reason", boot.cause() == BootCause.LOCAL_REBOOT ? "Watchdog" : "Unknown");
        return params;
    }

    @Override
    public void onRecord(byte[] bytes, String replyTopic) {
        try {
            handle(bytes, replyTopic);
        } catch (RuntimeException e) {
            rejected.increment();
            LOG.warn("{} failed to handle a USP record", device.id(), e);
        }
    }

    private void handle(byte[] bytes, String replyTopic) {
        DecodeResult result = codec.decode(bytes);
        if (result instanceof DecodeResult.Rejected reject) {
            rejected.increment();
            LOG.debug("{} ignored a record: {} {}", device.id(), reject.reason(), reject.detail());
            return;
        }
        DecodeResult.Accepted accepted = (DecodeResult.Accepted) result;
        UspRecord.Record record = accepted.record();
        if (!record.getToId().equals(device.endpointId()) || !record.getFromId().equals(settings.controllerEndpointId())
                || accepted.message().isEmpty()) {
            // obuspa: "Ignoring message from endpoint_id=... (unknown controller or USP service)"
            rejected.increment();
            return;
        }
        received.increment();
        UspMsg.Msg msg = accepted.message().get();
        if (!online) {
            return;
        }
        Runnable[] after = new Runnable[1];
        UspMsg.Msg response;
        try {
            response = dispatch(msg, after);
        } catch (RuntimeException e) {
            // a bug of ours must still give the controller an answer, as a real agent's internal error does
            LOG.warn("{} failed to answer {}", device.id(), msg.getHeader().getMsgId(), e);
            response = UspMessages.error(msg.getHeader().getMsgId(), 7003, "Internal error");
        }
        if (response != null) {
            send(response, replyTopic);
        }
        if (after[0] != null) {
            after[0].run();
        }
        if (msg.getBody().hasRequest() && WRITES.contains(msg.getBody().getRequest().getReqTypeCase())) {
            // a Set of PeriodicNotifInterval or a new / deleted Periodic! subscription takes effect at once
            periodic.rearm();
        }
    }

    /** True while the agent sends Periodic! heartbeats. */
    public boolean isSendingPeriodic() {
        return periodic.isBeating();
    }

    private UspMsg.Msg dispatch(UspMsg.Msg msg, Runnable[] after) {
        String msgId = msg.getHeader().getMsgId();
        UspMsg.Body body = msg.getBody();
        if (body.hasResponse()) {
            if (body.getResponse().hasNotifyResp()) {
                notifier.acknowledged(msgId);
                CompletableFuture<Void> waiting = loadAcks.remove(msgId);
                if (waiting != null) {
                    waiting.complete(null);
                }
            }
            return null;
        }
        if (!body.hasRequest()) {
            return null;
        }
        UspMsg.Request request = body.getRequest();
        return switch (request.getReqTypeCase()) {
            case GET -> UspReadHandlers.get(device, msgId, request.getGet());
            case GET_INSTANCES -> UspReadHandlers.getInstances(device, msgId, request.getGetInstances());
            case GET_SUPPORTED_DM -> SupportedModel.answer(device.schema(), msgId, request.getGetSupportedDm());
            case GET_SUPPORTED_PROTOCOL -> UspReadHandlers.getSupportedProtocol(msgId);
            case SET -> UspWriteHandlers.set(device, msgId, request.getSet(), notifier);
            case ADD -> UspWriteHandlers.add(device, msgId, request.getAdd(), notifier);
            case DELETE -> UspWriteHandlers.delete(device, msgId, request.getDelete(), notifier);
            case OPERATE -> operations.operate(msgId, request.getOperate(), after);
            default -> UspMessages.error(msgId, 7001, "Message type not supported: " + request.getReqTypeCase());
        };
    }

    /**
     * Load generation: a ValueChange Notify with {@code send_resp=true} (subscription {@code load-storm}); the
     * future completes when the controller's NotifyResp arrives.
     */
    public CompletableFuture<Void> loadNotify() {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        if (!isOnline()) {
            ack.completeExceptionally(new IllegalStateException("agent is not connected"));
            return ack;
        }
        String msgId = "ValueChange-load-" + loadIds.incrementAndGet();
        loadAcks.put(msgId, ack);
        String path = "Device.DeviceInfo.UpTime";
        UspMsg.Msg notify = UspMessages.request(msgId, UspMsg.Header.MsgType.NOTIFY, UspMsg.Request.newBuilder()
                .setNotify(UspMsg.Notify.newBuilder().setSubscriptionId("load-storm").setSendResp(true)
                        .setValueChange(UspMsg.Notify.ValueChange.newBuilder().setParamPath(path)
                                .setParamValue(device.valueOf(path)))).build());
        send(notify, null);
        return ack.whenComplete((v, e) -> loadAcks.remove(msgId));
    }

    private void send(UspMsg.Msg msg, String replyTopic) {
        UspRecord.Record record = UspRecordCodec.noSessionContext(UspSettings.RECORD_VERSION,
                settings.controllerEndpointId(), device.endpointId(), msg);
        link.publish(codec.encode(record), replyTopic);
        sent.increment();
    }
}
