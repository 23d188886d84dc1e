package io.cpeoperator.bridge.usp.mtp.mqtt;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the controller connects to its MQTT broker.
 *
 * @param brokerUrl       {@code tcp://host:port} or {@code ssl://host:port} (also {@code mqtt://}, {@code mqtts://});
 *                        user and password may be given as URL user info
 * @param clientId        the MQTT client identifier; must be unique per controller replica
 * @param controllerTopic the topic agents publish to; the controller subscribes to it and to its sub-topics (the
 *                        MQTT 3.1.1 reply-to suffix)
 * @param controllerId    the controller's endpoint ID, sent as the usp-endpoint-id user property
 * @param sessionExpiry   how long the broker keeps the controller's session (and queued QoS 1 records) while it is
 *                        away
 * @param mqtt311         speak MQTT 3.1.1 to the broker (for brokers without MQTT 5); MQTT 5 otherwise
 */
public record MqttMtpConfig(String brokerUrl, String clientId, String controllerTopic, String controllerId,
                            Duration sessionExpiry, boolean mqtt311) {

    public MqttMtpConfig {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(controllerTopic, "controllerTopic");
        Objects.requireNonNull(controllerId, "controllerId");
        sessionExpiry = sessionExpiry == null ? Duration.ofHours(1) : sessionExpiry;
        if (!MqttTopics.isUsableReplyTopic(controllerTopic)) {
            throw new IllegalArgumentException("controller topic must be a plain topic without wildcards");
        }
    }

    /** The controller topic and everything below it (where 3.1.1 agents append their reply-to). */
    String subscriptionFilter() {
        return controllerTopic + "/#";
    }

    String username() {
        String userInfo = uri().getUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    String password() {
        String userInfo = uri().getUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? "" : userInfo.substring(colon + 1);
    }

    URI uri() {
        return URI.create(brokerUrl);
    }

    boolean tls() {
        String scheme = uri().getScheme();
        return "ssl".equals(scheme) || "mqtts".equals(scheme);
    }

    String host() {
        return uri().getHost();
    }

    int port() {
        int port = uri().getPort();
        return port > 0 ? port : tls() ? 8883 : 1883;
    }
}
