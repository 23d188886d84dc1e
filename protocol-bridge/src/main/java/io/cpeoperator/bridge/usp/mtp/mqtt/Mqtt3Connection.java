package io.cpeoperator.bridge.usp.mtp.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** MQTT 3.1.1, for brokers without MQTT 5: no properties, so every publish carries the reply-to topic suffix. */
final class Mqtt3Connection implements MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt3Connection.class);

    private final MqttMtpConfig config;
    private final Mqtt3AsyncClient client;
    private final Runnable onConnected;
    // "connected" for the controller means subscribed: before the SUBACK, agents' records would be lost
    private final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
    private volatile boolean subscribed;

    Mqtt3Connection(MqttMtpConfig config, Receiver receiver, Runnable onConnected) {
        this.config = config;
        this.onConnected = onConnected;
        Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3()
                .identifier(config.clientId())
                .serverHost(config.host())
                .serverPort(config.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> subscribe())
                .addDisconnectedListener(context -> subscribed = false)
                .addDisconnectedListener(context -> LOG.info("MQTT connection to {} lost: {}", config.brokerUrl(),
                        context.getCause().toString()));
        if (config.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (config.username() != null) {
            builder = builder.simpleAuth().username(config.username())
                    .password(config.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> receiver.onPublish(
                publish.getTopic().toString(), Optional.empty(), publish.getPayload().orElse(ByteBuffer.allocate(0))));
    }

    private void subscribe() {
        onConnected.run();
        String filter = config.subscriptionFilter();
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.warn("subscribing to {} failed", filter, failure);
                    } else {
                        subscribed = true;
                        firstSubscription.complete(null);
                        LOG.info("subscribed to {} on {} (MQTT 3.1.1)", filter, config.brokerUrl());
                    }
                });
    }

    @Override
    public CompletableFuture<Void> start() {
        return client.connectWith().cleanSession(false).send().thenCompose(connAck -> firstSubscription);
    }

    @Override
    public void stop() {
        if (client.getState().isConnectedOrReconnect()) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("MQTT disconnect did not complete", e);
            }
        }
    }

    @Override
    public boolean isConnected() {
        return subscribed && client.getState().isConnected();
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
