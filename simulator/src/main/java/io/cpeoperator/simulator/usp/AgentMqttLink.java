package io.cpeoperator.simulator.usp;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** What both MQTT versions of an agent link share: where to connect, the two topics, and the polite-close flag. */
abstract class AgentMqttLink implements MqttLink {

    protected final String host;
    protected final int port;
    protected final String endpointId;
    protected final String agentTopic;
    protected final String controllerTopic;
    protected final Inbound inbound;
    /** Set while we disconnect on purpose, so that the broker's goodbye is not taken for a lost connection. */
    protected final AtomicBoolean closing = new AtomicBoolean();

    AgentMqttLink(String host, int port, String endpointId, String agentTopic, String controllerTopic, Inbound inbound) {
        this.host = host;
        this.port = port;
        this.endpointId = endpointId;
        this.agentTopic = agentTopic;
        this.controllerTopic = controllerTopic;
        this.inbound = inbound;
    }

    /** Calls {@code onLost} when the broker or the network drops us, not when we said goodbye. */
    protected MqttClientDisconnectedListener lostListener(Runnable onLost) {
        return context -> {
            if (context.getSource() != MqttDisconnectSource.USER && !closing.get()) {
                onLost.run();
            }
        };
    }

    /** Runs {@code onReady} once connect and subscribe both succeeded. */
    protected static void whenSubscribed(CompletableFuture<?> subscribed, Runnable onReady) {
        subscribed.whenComplete((ack, error) -> {
            if (error == null) {
                onReady.run();
            }
        });
    }

    @Override
    public void disconnect() {
        closing.set(true);
        CompletableFuture<Void> closed = closeClient();
        if (closed != null) {
            closed.exceptionally(e -> null);
        }
    }

    /** Disconnects the client if there is one; null when there is none. */
    protected abstract CompletableFuture<Void> closeClient();

    /** Where a message goes: the request's reply topic, else the controller's topic. */
    protected String target(String replyTopic) {
        return replyTopic != null ? replyTopic : controllerTopic;
    }
}
