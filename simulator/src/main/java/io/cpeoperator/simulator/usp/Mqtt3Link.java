package io.cpeoperator.simulator.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MQTT 3.1.1 as obuspa does it: the endpoint ID as client ID, {@code <agent topic>/#} subscribed, and the reply
 * address carried in the topic name: {@code <topic>/reply-to=<reply topic with '/' as %2F>}.
 */
final class Mqtt3Link implements MqttLink {

    private static final String REPLY_TO = "/reply-to=";

    private final String host;
    private final int port;
    private final String endpointId;
    private final String agentTopic;
    private final String controllerTopic;
    private final Inbound inbound;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Mqtt3AsyncClient client;

    Mqtt3Link(String host, int port, String endpointId, String agentTopic, String controllerTopic, Inbound inbound) {
        this.host = host;
        this.port = port;
        this.endpointId = endpointId;
        this.agentTopic = agentTopic;
        this.controllerTopic = controllerTopic;
        this.inbound = inbound;
    }

    @Override
    public void connect(Runnable onReady, Runnable onLost) {
        closing.set(false);
        Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3()
                .identifier(endpointId)
                .serverHost(host).serverPort(port)
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER && !closing.get()) {
                        onLost.run();
                    }
                })
                .buildAsync();
        client = c;
        c.connectWith().cleanSession(true).keepAlive(60).send()
                .thenCompose(ack -> c.subscribeWith().topicFilter(agentTopic + "/#").qos(MqttQos.AT_MOST_ONCE)
                        .callback(this::received).send())
                .whenComplete((subAck, error) -> {
                    if (error == null) {
                        onReady.run();
                    }
                });
    }

    private void received(Mqtt3Publish publish) {
        String topic = publish.getTopic().toString();
        int at = topic.indexOf(REPLY_TO);
        String reply = at < 0 ? null : topic.substring(at + REPLY_TO.length()).replace("%2F", "/").replace("%2f", "/");
        inbound.onRecord(publish.getPayloadAsBytes(), reply == null || reply.isEmpty() ? null : reply);
    }

    @Override
    public void disconnect() {
        closing.set(true);
        Mqtt3AsyncClient c = client;
        if (c != null) {
            c.disconnect().exceptionally(e -> null);
        }
    }

    @Override
    public void publish(byte[] record, String replyTopic) {
        Mqtt3AsyncClient c = client;
        if (c == null) {
            return;
        }
        String target = (replyTopic != null ? replyTopic : controllerTopic) + REPLY_TO + agentTopic.replace("/", "%2F");
        c.publishWith().topic(target).qos(MqttQos.AT_MOST_ONCE).payload(record).send();
    }
}
