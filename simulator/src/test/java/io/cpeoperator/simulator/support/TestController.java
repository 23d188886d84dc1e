package io.cpeoperator.simulator.support;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A minimal USP controller for tests: records everything agents publish, sends requests, awaits answers. */
public final class TestController implements AutoCloseable {

    public static final String ENDPOINT = "self::cpe-operator";
    public static final String TOPIC = "usp/controller/cpe-operator";

    private final Mqtt5AsyncClient client;
    private final UspRecordCodec codec = new UspRecordCodec();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** One record an agent published. */
    public record Received(String topic, String responseTopic, UspRecord.Record record, UspMsg.Msg msg) {
        public String from() {
            return record.getFromId();
        }

        public boolean isNotify(String subscriptionId) {
            return msg != null && msg.getBody().getRequest().hasNotify()
                    && msg.getBody().getRequest().getNotify().getSubscriptionId().equals(subscriptionId);
        }

        public UspMsg.Notify notify0() {
            return msg.getBody().getRequest().getNotify();
        }
    }

    public TestController(int port) throws Exception {
        client = MqttClient.builder().useMqttVersion5().identifier("ctl-test").serverHost("127.0.0.1").serverPort(port).buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(TOPIC).qos(MqttQos.AT_MOST_ONCE).callback(this::onPublish).send().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(TOPIC + "/#").qos(MqttQos.AT_MOST_ONCE).callback(this::onPublish).send().get(10, TimeUnit.SECONDS);
    }

    private volatile boolean autoAcknowledgeLoad;

    /** Answer every load-storm Notify with a NotifyResp at once, like a controller keeping up. */
    public void autoAcknowledgeLoad(boolean enabled) {
        autoAcknowledgeLoad = enabled;
    }

    private void onPublish(Mqtt5Publish publish) {
        DecodeResult result = codec.decode(publish.getPayloadAsBytes());
        if (result instanceof DecodeResult.Accepted accepted && autoAcknowledgeLoad && accepted.message().isPresent()
                && accepted.message().get().getBody().getRequest().getNotify().getSubscriptionId().equals("load-storm")) {
            // never block the client's callback thread: publish without waiting
            client.publishWith().topic("usp/agent/" + accepted.fromId()).qos(MqttQos.AT_MOST_ONCE).responseTopic(TOPIC)
                    .payload(codec.encode(UspRecordCodec.noSessionContext("1.3", accepted.fromId(), ENDPOINT,
                            notifyRespFor(accepted.message().get())))).send();
            return;
        }
        if (result instanceof DecodeResult.Accepted accepted) {
            synchronized (received) {
                received.add(new Received(publish.getTopic().toString(),
                        publish.getResponseTopic().map(Object::toString).orElse(null),
                        accepted.record(), accepted.message().orElse(null)));
                received.notifyAll();
            }
        }
    }

    /** Waits for the first record (received at any time) matching the predicate. */
    public Received await(Predicate<Received> predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (predicate.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching USP record within " + timeout + "; got " + received.size() + " records");
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    /** Publishes a request as an MQTT 5 controller does (Response Topic = the controller topic). */
    public void send(String agentEndpoint, String agentTopic, UspMsg.Msg msg) throws Exception {
        byte[] bytes = codec.encode(UspRecordCodec.noSessionContext("1.3", agentEndpoint, ENDPOINT, msg));
        client.publishWith().topic(agentTopic).qos(MqttQos.AT_MOST_ONCE).contentType("usp.msg").responseTopic(TOPIC)
                .payload(bytes).send().get(10, TimeUnit.SECONDS);
    }

    /** Publishes raw bytes to a topic (hostile input tests). */
    public void sendRaw(String topic, byte[] bytes) throws Exception {
        client.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(bytes).send().get(10, TimeUnit.SECONDS);
    }

    /** Sends a request and waits for the message answering it (same msg_id). */
    public UspMsg.Msg request(String agentEndpoint, String agentTopic, UspMsg.Header.MsgType type, UspMsg.Request request)
            throws Exception {
        String msgId = "t-" + ids.incrementAndGet();
        UspMsg.Msg msg = UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setRequest(request)).build();
        send(agentEndpoint, agentTopic, msg);
        return await(r -> r.msg() != null && r.msg().getHeader().getMsgId().equals(msgId), Duration.ofSeconds(10)).msg();
    }

    public void notifyResp(String agentEndpoint, String agentTopic, UspMsg.Msg notify) throws Exception {
        send(agentEndpoint, agentTopic, notifyRespFor(notify));
    }

    private static UspMsg.Msg notifyRespFor(UspMsg.Msg notify) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(notify.getHeader().getMsgId())
                        .setMsgType(UspMsg.Header.MsgType.NOTIFY_RESP))
                .setBody(UspMsg.Body.newBuilder().setResponse(UspMsg.Response.newBuilder().setNotifyResp(
                        UspMsg.NotifyResp.newBuilder().setSubscriptionId(notify.getBody().getRequest().getNotify().getSubscriptionId()))))
                .build();
    }

    /** A persistent {@code Device.LocalAgent.Subscription.} without retries, to Add. */
    public static UspMsg.Add.CreateObject subscription(String id, String type, String reference) {
        return UspMsg.Add.CreateObject.newBuilder().setObjPath("Device.LocalAgent.Subscription.")
                .addParamSettings(setting("Enable", "true")).addParamSettings(setting("ID", id))
                .addParamSettings(setting("NotifType", type)).addParamSettings(setting("ReferenceList", reference))
                .addParamSettings(setting("Persistent", "true")).addParamSettings(setting("NotifRetry", "false"))
                .build();
    }

    public static UspMsg.Add.CreateParamSetting setting(String name, String value) {
        return UspMsg.Add.CreateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true).build();
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
