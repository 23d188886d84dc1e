package io.cpeoperator.simulator.usp;

/**
 * One USP agent's MQTT connection. Implementations follow obuspa's conventions for their MQTT version (see the
 * USP vectors README): topics, reply-to handling, properties.
 */
interface MqttLink {

    /** Connects and subscribes; {@code onReady} runs after SUBACK, {@code onLost} when the broker drops us. */
    void connect(Runnable onReady, Runnable onLost);

    /** Disconnects politely; no {@code onLost} callback follows. */
    void disconnect();

    /** Publishes a record to the controller, or to {@code replyTopic} when a request named one. */
    void publish(byte[] record, String replyTopic);

    /** Receives inbound records with the topic to answer on (null when the request named none). */
    interface Inbound {
        void onRecord(byte[] record, String replyTopic);
    }
}
