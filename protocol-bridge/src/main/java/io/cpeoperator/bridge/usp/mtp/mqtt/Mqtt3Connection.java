package io.cpeoperator.bridge.usp.mtp.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** MQTT 3.1.1, for brokers without MQTT 5: no properties, so every publish carries the reply-to topic suffix. */
final class Mqtt3Connection extends AbstractMqttConnection {

    private final Mqtt3AsyncClient client;

    Mqtt3Connection(MqttMtpConfig config, Receiver receiver, Runnable onConnected) {
        super(config, onConnected);
        Mqtt3ClientBuilder builder = configure(MqttClient.builder().useMqttVersion3());
        if (config.username() != null) {
            builder = builder.simpleAuth().username(config.username())
                    .password(config.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> receiver.onPublish(
                publish.getTopic().toString(), Optional.empty(), publish.getPayload().orElse(ByteBuffer.allocate(0))));
    }

    @Override
    public CompletableFuture<Void> start() {
        return client.connectWith().cleanSession(false).send().thenCompose(connAck -> firstSubscription);
    }

    @Override
    protected CompletableFuture<?> sendSubscribe(String filter) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    @Override
    protected MqttClient client() {
        return client;
    }

    @Override
    protected CompletableFuture<Void> disconnect() {
        return client.disconnect();
    }

    @Override
    public boolean supportsProperties() {
        return false;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                .thenApply(publish -> null);
    }
}
