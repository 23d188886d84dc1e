package io.cpeoperator.simulator.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MQTT 5 as obuspa does it: empty client ID (the broker assigns one), clean start, keep-alive 60, user property
 * {@code usp-endpoint-id}; the agent topic subscribed with QoS 0; publishes carry Content Type {@code usp.msg} and
 * Response Topic = the agent topic. Clients share hivemq-mqtt-client's Netty event loop.
 */
final class Mqtt5Link implements MqttLink {

    private final String host;
    private final int port;
    private final String endpointId;
    private final String agentTopic;
    private final String controllerTopic;
    private final Inbound inbound;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Mqtt5AsyncClient client;

    Mqtt5Link(String host, int port, String endpointId, String agentTopic, String controllerTopic, Inbound inbound) {
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
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5()
                .serverHost(host).serverPort(port)
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER && !closing.get()) {
                        onLost.run();
                    }
                })
                .buildAsync();
        client = c;
        c.connectWith().cleanStart(true).keepAlive(60)
                .userProperties().add("usp-endpoint-id", endpointId).applyUserProperties()
                .send()
                .thenCompose(ack -> c.subscribeWith().topicFilter(agentTopic).qos(MqttQos.AT_MOST_ONCE)
                        .userProperties().add("usp-endpoint-id", endpointId).applyUserProperties()
                        .callback(this::received)
                        .send())
                .whenComplete((subAck, error) -> {
                    if (error == null) {
                        onReady.run();
                    }
                });
    }

    private void received(Mqtt5Publish publish) {
        inbound.onRecord(publish.getPayloadAsBytes(), publish.getResponseTopic().map(Object::toString).orElse(null));
    }

    @Override
    public void disconnect() {
        closing.set(true);
        Mqtt5AsyncClient c = client;
        if (c != null) {
            c.disconnect().exceptionally(e -> null);
        }
    }

    @Override
    public void publish(byte[] record, String replyTopic) {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            return;
        }
        c.publishWith().topic(replyTopic != null ? replyTopic : controllerTopic).qos(MqttQos.AT_MOST_ONCE)
                .contentType("usp.msg").responseTopic(agentTopic).payload(record).send();
    }
}
