package io.cpeoperator.simulator.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.util.concurrent.CompletableFuture;

/**
 * MQTT 5 as obuspa does it: empty client ID (the broker assigns one), clean start, keep-alive 60, user property
 * {@code usp-endpoint-id}; the agent topic subscribed with QoS 0; publishes carry Content Type {@code usp.msg} and
 * Response Topic = the agent topic. Clients share hivemq-mqtt-client's Netty event loop.
 */
final class Mqtt5Link extends AgentMqttLink {

    private volatile Mqtt5AsyncClient client;

    Mqtt5Link(String host, int port, String endpointId, String agentTopic, String controllerTopic, Inbound inbound) {
        super(host, port, endpointId, agentTopic, controllerTopic, inbound);
    }

    @Override
    public void connect(Runnable onReady, Runnable onLost) {
        closing.set(false);
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5()
                .serverHost(host).serverPort(port)
                .addDisconnectedListener(lostListener(onLost))
                .buildAsync();
        client = c;
        whenSubscribed(c.connectWith().cleanStart(true).keepAlive(60)
                .userProperties().add("usp-endpoint-id", endpointId).applyUserProperties()
                .send()
                .thenCompose(ack -> c.subscribeWith().topicFilter(agentTopic).qos(MqttQos.AT_MOST_ONCE)
                        .userProperties().add("usp-endpoint-id", endpointId).applyUserProperties()
                        .callback(this::received)
                        .send()), onReady);
    }

    private void received(Mqtt5Publish publish) {
        inbound.onRecord(publish.getPayloadAsBytes(), publish.getResponseTopic().map(Object::toString).orElse(null));
    }

    @Override
    protected CompletableFuture<Void> closeClient() {
        Mqtt5AsyncClient c = client;
        return c == null ? null : c.disconnect();
    }

    @Override
    public void publish(byte[] record, String replyTopic) {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return;
        }
        c.publishWith().topic(target(replyTopic)).qos(MqttQos.AT_MOST_ONCE)
                .contentType("usp.msg").responseTopic(agentTopic).payload(record).send();
    }
}
