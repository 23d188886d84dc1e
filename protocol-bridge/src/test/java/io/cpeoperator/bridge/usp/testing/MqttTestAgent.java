package io.cpeoperator.bridge.usp.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.cpeoperator.bridge.usp.proto.UspRecord;

import java.util.concurrent.TimeUnit;

/**
 * A test agent on MQTT, following obuspa's conventions (see the vectors README): MQTT 5 with Response Topic and
 * Content Type, or MQTT 3.1.1 with the {@code /reply-to=} topic suffix.
 */
public final class MqttTestAgent extends TestUspAgent {

    public static final String CONTROLLER_TOPIC = "usp/controller/cpe-operator";

    private final boolean mqtt311;
    private final String agentTopic;
    private final Mqtt5AsyncClient client5;
    private final Mqtt3AsyncClient client3;
    private volatile String replyTopic = CONTROLLER_TOPIC;

    public MqttTestAgent(String endpointId, int brokerPort, boolean mqtt311) {
        super(endpointId);
        this.mqtt311 = mqtt311;
        this.agentTopic = "usp/agent/" + endpointId;
        if (mqtt311) {
            client3 = MqttClient.builder().useMqttVersion3().identifier(clientId(endpointId))
                    .serverHost("127.0.0.1").serverPort(brokerPort).automaticReconnectWithDefaultConfig()
                    .buildAsync();
            client5 = null;
        } else {
            client5 = MqttClient.builder().useMqttVersion5().identifier(clientId(endpointId))
                    .serverHost("127.0.0.1").serverPort(brokerPort).automaticReconnectWithDefaultConfig()
                    .buildAsync();
            client3 = null;
        }
    }

    private static String clientId(String endpointId) {
        return endpointId.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /** Connects, subscribes to its topic and announces itself with an MQTTConnectRecord (no Boot!). */
    public MqttTestAgent connect() throws Exception {
        if (mqtt311) {
            client3.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
            client3.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
                String topic = publish.getTopic().toString();
                int at = topic.indexOf("/reply-to=");
                if (at >= 0) {
                    replyTopic = topic.substring(at + "/reply-to=".length()).replace("%2F", "/");
                }
                onRecord(publish.getPayloadAsBytes());
            });
            client3.subscribeWith().topicFilter(agentTopic + "/#").qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(10, TimeUnit.SECONDS);
        } else {
            client5.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
            client5.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
                publish.getResponseTopic().ifPresent(topic -> replyTopic = topic.toString());
                onRecord(publish.getPayloadAsBytes());
            });
            client5.subscribeWith().topicFilter(agentTopic).qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(10, TimeUnit.SECONDS);
        }
        announce();
        return this;
    }

    /** Sends the MQTTConnectRecord, as the agent does after every (re)connect. */
    public void announce() {
        sendRecord(envelope(endpointId).setMqttConnect(UspRecord.MQTTConnectRecord.newBuilder()
                .setVersion(mqtt311 ? UspRecord.MQTTConnectRecord.MQTTVersion.V3_1_1
                        : UspRecord.MQTTConnectRecord.MQTTVersion.V5)
                .setSubscribedTopic(agentTopic)).build().toByteArray());
    }

    @Override
    public void sendRecord(byte[] record) {
        publishRaw(record, replyTopic);
    }

    /** Publishes bytes as this agent would, to the given topic. */
    public void publishRaw(byte[] payload, String topic) {
        if (mqtt311) {
            client3.publishWith().topic(topic + "/reply-to=" + agentTopic.replace("/", "%2F"))
                    .qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        } else {
            client5.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).contentType("usp.msg")
                    .responseTopic(agentTopic).send();
        }
    }

    /** Publishes bytes claiming a different reply topic (a spoofer's own topic). */
    public void publishWithReplyTopic(byte[] payload, String fakeAgentTopic) {
        client5.publishWith().topic(CONTROLLER_TOPIC).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                .responseTopic(fakeAgentTopic).send();
    }

    @Override
    public void close() {
        try {
            if (mqtt311) {
                client3.disconnect().get(5, TimeUnit.SECONDS);
            } else {
                client5.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // already gone
        }
    }
}
