package io.cpeoperator.bridge.usp.mtp.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** MQTT 5: persistent session, Response Topic, Content Type {@code usp.msg} and the usp-endpoint-id user property. */
final class Mqtt5Connection implements MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Mqtt5Connection.class);

    private final MqttMtpConfig config;
    private final Mqtt5AsyncClient client;
    private final Runnable onConnected;
    // "connected" for the controller means subscribed: before the SUBACK, agents' records would be lost
    private final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
    private volatile boolean subscribed;

    Mqtt5Connection(MqttMtpConfig config, Receiver receiver, Runnable onConnected) {
        this.config = config;
        this.onConnected = onConnected;
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
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
                publish.getTopic().toString(), publish.getResponseTopic().map(Object::toString),
                publish.getPayload().orElse(ByteBuffer.allocate(0))));
    }

    // (re)subscribe on every connect: a broker that restarted with in-memory persistence lost our session
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
                        LOG.info("subscribed to {} on {} (MQTT 5)", filter, config.brokerUrl());
                    }
                });
    }

    @Override
    public CompletableFuture<Void> start() {
        return client.connectWith().cleanStart(false).sessionExpiryInterval(config.sessionExpiry().toSeconds())
                .send().thenCompose(connAck -> firstSubscription);
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
