package io.cpeoperator.bridge.usp.mtp.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** MQTT 5: persistent session, Response Topic, Content Type {@code usp.msg} and the usp-endpoint-id user property. */
final class Mqtt5Connection extends AbstractMqttConnection {

    private final Mqtt5AsyncClient client;

    Mqtt5Connection(MqttMtpConfig config, Receiver receiver, Runnable onConnected) {
        super(config, onConnected);
        Mqtt5ClientBuilder builder = configure(MqttClient.builder().useMqttVersion5());
        if (config.username() != null) {
            builder = builder.simpleAuth().username(config.username())
                    .password(config.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> receiver.onPublish(
                publish.getTopic().toString(), publish.getResponseTopic().map(Object::toString),
                publish.getPayload().orElse(ByteBuffer.allocate(0))));
    }

    @Override
    public CompletableFuture<Void> start() {
        return client.connectWith().cleanStart(false).sessionExpiryInterval(config.sessionExpiry().toSeconds())
                .userProperties().add(MqttMtp.ENDPOINT_ID_PROPERTY, config.controllerId()).applyUserProperties()
                .send().thenCompose(connAck -> firstSubscription);
    }

    @Override
    protected CompletableFuture<?> sendSubscribe(String filter) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .userProperties().add(MqttMtp.ENDPOINT_ID_PROPERTY, config.controllerId()).applyUserProperties()
                .send();
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
        return true;
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload) {
        return client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload)
                .contentType(MqttMtp.CONTENT_TYPE)
                .responseTopic(config.controllerTopic())
                .userProperties().add(MqttMtp.ENDPOINT_ID_PROPERTY, config.controllerId()).applyUserProperties()
                .send()
                .thenAccept(result -> result.getError().ifPresent(error -> {
                    throw new CompletionException(error);
                }));
    }
}
