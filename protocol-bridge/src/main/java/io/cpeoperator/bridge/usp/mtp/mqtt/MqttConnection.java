package io.cpeoperator.bridge.usp.mtp.mqtt;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The controller's connection to the broker, MQTT 5 or 3.1.1; both reconnect and re-subscribe by themselves. */
interface MqttConnection {

    /** Receives every publish on the subscribed filter. Called on the client's I/O thread. */
    @FunctionalInterface
    interface Receiver {
        void onPublish(String topic, Optional<String> responseTopic, ByteBuffer payload);
    }

    CompletableFuture<Void> start();

    void stop();

    /** Connected and subscribed to the controller topic. */
    boolean isConnected();

    /** True when publishes can carry MQTT 5 properties (Response Topic); else the reply-to suffix is needed. */
    boolean supportsProperties();

    /** QoS 1 publish; completes exceptionally when the broker refused it. */
    CompletableFuture<Void> publish(String topic, byte[] payload);
}
