package io.cpeoperator.bridge.usp.mtp.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What both MQTT versions share: reconnecting with back-off, re-subscribing on every connect (a broker that restarted
 * with in-memory persistence has lost our session), and counting as connected only once subscribed, since records
 * published before the SUBACK would be lost.
 */
abstract class AbstractMqttConnection implements MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractMqttConnection.class);

    protected final MqttMtpConfig config;
    private final Runnable onConnected;
    protected final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
    private volatile boolean subscribed;

    AbstractMqttConnection(MqttMtpConfig config, Runnable onConnected) {
        this.config = config;
        this.onConnected = onConnected;
    }

    /** Identity, address, TLS, reconnect and the connect/disconnect hooks, for either client builder. */
    protected <B extends MqttClientBuilderBase<B>> B configure(B builder) {
        B configured = builder
                .identifier(config.clientId())
                .serverHost(config.host())
                .serverPort(config.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> {
                    onConnected.run();
                    subscribe();
                })
                .addDisconnectedListener(context -> {
                    subscribed = false;
                    LOG.info("MQTT connection to {} lost: {}", config.brokerUrl(), context.getCause().toString());
                });
        return config.tls() ? configured.sslWithDefaultConfig() : configured;
    }

    /** Sends the SUBSCRIBE for {@link MqttMtpConfig#subscriptionFilter()} at QoS 1. */
    protected abstract CompletableFuture<?> sendSubscribe(String filter);

    protected abstract MqttClient client();

    protected abstract CompletableFuture<Void> disconnect();

    private void subscribe() {
        String filter = config.subscriptionFilter();
        sendSubscribe(filter).whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warn("subscribing to {} failed", filter, failure);
            } else {
                subscribed = true;
                firstSubscription.complete(null);
                LOG.info("subscribed to {} on {} ({})", filter, config.brokerUrl(), client().getConfig()
                        .getMqttVersion());
            }
        });
    }

    @Override
    public void stop() {
        if (client().getState().isConnectedOrReconnect()) {
            try {
                disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("MQTT disconnect did not complete", e);
            }
        }
    }

    @Override
    public boolean isConnected() {
        return subscribed && client().getState().isConnected();
    }
}
