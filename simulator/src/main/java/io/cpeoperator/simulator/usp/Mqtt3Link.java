package io.cpeoperator.simulator.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.cpeoperator.bridge.usp.mtp.mqtt.MqttTopics;

import java.util.concurrent.CompletableFuture;

/**
 * MQTT 3.1.1 as obuspa does it: the endpoint ID as client ID, {@code <agent topic>/#} subscribed, and the reply
 * address carried in the topic name: {@code <topic>/reply-to=<reply topic with '/' as %2F>}.
 */
final class Mqtt3Link extends AgentMqttLink {

    private volatile Mqtt3AsyncClient client;

    Mqtt3Link(String host, int port, String endpointId, String agentTopic, String controllerTopic, Inbound inbound) {
        super(host, port, endpointId, agentTopic, controllerTopic, inbound);
    }

    @Override
    public void connect(Runnable onReady, Runnable onLost) {
        closing.set(false);
        Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3()
                .identifier(endpointId)
                .serverHost(host).serverPort(port)
                .addDisconnectedListener(lostListener(onLost))
                .buildAsync();
        client = c;
        whenSubscribed(c.connectWith().cleanSession(true).keepAlive(60).send()
                .thenCompose(ack -> c.subscribeWith().topicFilter(agentTopic + "/#").qos(MqttQos.AT_MOST_ONCE)
                        .callback(this::received).send()), onReady);
    }

    private void received(Mqtt3Publish publish) {
        inbound.onRecord(publish.getPayloadAsBytes(), MqttTopics.replyToOf(publish.getTopic().toString()).orElse(null));
    }

    @Override
    protected CompletableFuture<Void> closeClient() {
        Mqtt3AsyncClient c = client;
        return c == null ? null : c.disconnect();
    }

    @Override
    public void publish(byte[] record, String replyTopic) {
        Mqtt3AsyncClient c = client;
        if (c == null) {
            return;
        }
        String target = MqttTopics.withReplyTo(target(replyTopic), agentTopic);
        c.publishWith().topic(target).qos(MqttQos.AT_MOST_ONCE).payload(record).send();
    }
}
