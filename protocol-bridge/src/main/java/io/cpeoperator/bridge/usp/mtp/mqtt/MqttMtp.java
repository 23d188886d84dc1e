package io.cpeoperator.bridge.usp.mtp.mqtt;

import io.cpeoperator.bridge.usp.mtp.InboundRecordSink;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The USP MQTT MTP on the controller side: one connection to the broker (MQTT 5, or 3.1.1 for brokers without 5),
 * a QoS 1 subscription to the controller topic and its sub-topics, re-made after every reconnect, and publishing to
 * each agent in the convention that agent uses.
 *
 * <ul>
 *   <li>MQTT 5 agents: answer on the publish's Response Topic, with Content Type {@code usp.msg}, our Response Topic
 *   and the user property {@code usp-endpoint-id}.</li>
 *   <li>MQTT 3.1.1 agents: the agent's topic comes from the {@code /reply-to=} suffix or its MQTTConnectRecord; we
 *   publish to {@code <agent topic>/reply-to=<controller topic>}.</li>
 * </ul>
 */
public final class MqttMtp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttMtp.class);
    public static final String TAG = "mqtt";
    static final String CONTENT_TYPE = "usp.msg";
    static final String ENDPOINT_ID_PROPERTY = "usp-endpoint-id";

    private final MqttMtpConfig config;
    private final InboundRecordSink sink;
    private final MqttConnection connection;
    private final Counter publishFailures;

    public MqttMtp(MqttMtpConfig config, InboundRecordSink sink, MeterRegistry registry) {
        this.config = config;
        this.sink = sink;
        this.publishFailures = registry.counter("cpe.usp.mqtt.publish.failures");
        Counter connects = registry.counter("cpe.usp.mqtt.connects");
        this.connection = config.mqtt311()
                ? new Mqtt3Connection(config, this::onPublish, connects::increment)
                : new Mqtt5Connection(config, this::onPublish, connects::increment);
    }

    /** Connects (and keeps reconnecting in the background); completes once the first subscription is in place. */
    public CompletableFuture<Void> start() {
        return connection.start();
    }

    public void stop() {
        connection.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** A route to an agent topic, in the agent's MQTT convention. */
    public MtpRoute route(String agentTopic, boolean mqtt311) {
        return new MqttRoute(agentTopic, mqtt311);
    }

    private void onPublish(String topic, Optional<String> responseTopic, ByteBuffer payload) {
        Optional<MtpRoute> fromProperties = responseTopic
                .filter(MqttTopics::isUsableReplyTopic)
                .map(agentTopic -> new MqttRoute(agentTopic, false));
        Optional<MtpRoute> fromTopic = fromProperties.isPresent() ? Optional.empty()
                : MqttTopics.replyToOf(topic).map(agentTopic -> new MqttRoute(agentTopic, true));
        sink.onRecord(payload, TAG, record -> fromProperties.or(() -> fromTopic).or(() -> fromConnectRecord(record)));
    }

    private Optional<MtpRoute> fromConnectRecord(UspRecord.Record record) {
        if (!record.hasMqttConnect() || !MqttTopics.isUsableReplyTopic(record.getMqttConnect().getSubscribedTopic())) {
            return Optional.empty();
        }
        UspRecord.MQTTConnectRecord connect = record.getMqttConnect();
        return Optional.of(new MqttRoute(connect.getSubscribedTopic(),
                connect.getVersion() == UspRecord.MQTTConnectRecord.MQTTVersion.V3_1_1));
    }

    private final class MqttRoute implements MtpRoute {
        private final String agentTopic;
        private final String address;
        private final boolean replyToSuffix;

        MqttRoute(String agentTopic, boolean mqtt311Agent) {
            this.agentTopic = agentTopic;
            this.address = "mqtt:" + agentTopic;
            // without MQTT 5 properties on our side, the suffix is the only way to name our topic
            this.replyToSuffix = mqtt311Agent || !connection.supportsProperties();
        }

        @Override
        public void send(byte[] record) {
            String topic = replyToSuffix ? MqttTopics.withReplyTo(agentTopic, config.controllerTopic()) : agentTopic;
            connection.publish(topic, record).whenComplete((ok, failure) -> {
                if (failure != null) {
                    publishFailures.increment();
                    LOG.debug("publish to {} failed", topic, failure);
                }
            });
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Optional<String> transportEndpointId() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return address() + (replyToSuffix ? " (reply-to suffix)" : "");
        }
    }
}
