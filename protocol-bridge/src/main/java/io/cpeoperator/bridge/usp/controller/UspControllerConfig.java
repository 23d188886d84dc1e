package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the USP controller needs to know at start.
 *
 * @param controllerId             the controller's endpoint ID; records for another to_id are dropped
 * @param controllerTopic          the MQTT topic agents publish to
 * @param mqttEnabled              false to run WebSocket only
 * @param mqttUrl                  an external broker ({@code tcp://host:1883}); null to start the embedded broker
 * @param mqtt311                  speak MQTT 3.1.1 instead of 5 to the broker
 * @param embeddedBrokerBind       bind address of the embedded broker
 * @param embeddedBrokerPort       port of the embedded broker (the operator's {@code --mqtt-port}, default 1883)
 * @param mqttClientId             the controller's MQTT client identifier (unique per replica)
 * @param webSocketPort            port of a WebSocket server the controller starts itself; 0 for none (then mount
 *                                 {@code UspController.webSocketHandler()} on a Jetty server of your own)
 * @param webSocketPath            the path agents connect to, e.g. {@code /usp}
 * @param maxRecordBytes           largest record accepted from an agent
 * @param requestTimeout           how long a request waits for its response
 * @param syncConcurrencyPerDevice Get chunks in flight per device during a full sync
 * @param syncConcurrencyTotal     requests in flight for full syncs over all devices
 * @param syncPathsPerGet          first-level objects per Get during a full sync
 * @param valueChangePaths         parameters the standard ValueChange subscription watches
 * @param objectPaths              tables watched by the standard ObjectCreation/ObjectDeletion subscriptions
 * @param subscriptionIdPrefix     prefix of the subscription IDs the controller owns
 * @param ratePerSecond            records per second accepted from one endpoint (sustained)
 * @param rateBurst                records accepted from one endpoint in a burst
 * @param inboundQueueCapacity     records waiting per processing lane before new ones are dropped
 * @param maxEndpoints             endpoints tracked at most (bounds memory against invented endpoint IDs)
 * @param heartbeatInterval        the {@code PeriodicNotifInterval} the controller sets on every agent (whole
 *                                 seconds); an agent that has been silent for {@link #HEARTBEAT_GRACE_FACTOR} times
 *                                 this long is reported disconnected
 */
public record UspControllerConfig(
        String controllerId,
        String controllerTopic,
        boolean mqttEnabled,
        String mqttUrl,
        boolean mqtt311,
        String embeddedBrokerBind,
        int embeddedBrokerPort,
        String mqttClientId,
        int webSocketPort,
        String webSocketPath,
        int maxRecordBytes,
        Duration requestTimeout,
        int syncConcurrencyPerDevice,
        int syncConcurrencyTotal,
        int syncPathsPerGet,
        List<String> valueChangePaths,
        List<String> objectPaths,
        String subscriptionIdPrefix,
        double ratePerSecond,
        int rateBurst,
        int inboundQueueCapacity,
        int maxEndpoints,
        Duration heartbeatInterval) {

    public static final String DEFAULT_CONTROLLER_ID = "self::cpe-operator";
    public static final String DEFAULT_CONTROLLER_TOPIC = "usp/controller/cpe-operator";
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofMinutes(5);
    /** Silence longer than this many heartbeat intervals means the agent is gone (one lost Periodic! is not). */
    public static final double HEARTBEAT_GRACE_FACTOR = 2.5;

    public UspControllerConfig {
        Objects.requireNonNull(controllerId, "controllerId");
        Objects.requireNonNull(controllerTopic, "controllerTopic");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.toSeconds() < 1 || heartbeatInterval.toMillis() % 1000 != 0) {
            // PeriodicNotifInterval is an unsignedInt of seconds, at least 1 (TR-181)
            throw new IllegalArgumentException("heartbeatInterval must be a whole number of seconds, at least 1");
        }
        valueChangePaths = List.copyOf(valueChangePaths);
        objectPaths = List.copyOf(objectPaths);
        if (maxRecordBytes <= 0 || syncConcurrencyPerDevice <= 0 || syncConcurrencyTotal <= 0
                || syncPathsPerGet <= 0 || ratePerSecond <= 0 || rateBurst <= 0 || inboundQueueCapacity <= 0
                || maxEndpoints <= 0) {
            throw new IllegalArgumentException("limits and concurrency settings must be positive");
        }
    }

    /** Production defaults: embedded broker on 1883 (MQTT 5), no own WebSocket server. */
    public static UspControllerConfig defaults() {
        return new UspControllerConfig(DEFAULT_CONTROLLER_ID, DEFAULT_CONTROLLER_TOPIC, true, null, false, "0.0.0.0",
                1883, "cpe-operator-usp-controller", 0, "/usp", UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
                Duration.ofSeconds(30), 2, 32, 4,
                List.of("Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.ProvisioningCode"),
                List.of("Device.Hosts.Host."), "cpe-operator-", 200, 1000, 10_000, 1_000_000,
                DEFAULT_HEARTBEAT_INTERVAL);
    }

    /** The controller's own USP endpoint ID. */
    public UspControllerConfig withControllerId(String id) {
        return new UspControllerConfig(id, controllerTopic, mqttEnabled, mqttUrl, mqtt311, embeddedBrokerBind,
                embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes, requestTimeout,
                syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths, objectPaths,
                subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    /** Connect to an external broker instead of starting the embedded one. */
    public UspControllerConfig withExternalBroker(String url) {
        return new UspControllerConfig(controllerId, controllerTopic, true, url, mqtt311, embeddedBrokerBind,
                embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes, requestTimeout,
                syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths, objectPaths,
                subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    /** Speak MQTT 3.1.1 to the broker (for brokers without MQTT 5, e.g. Moquette 0.17). */
    public UspControllerConfig withMqtt311(boolean use311) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, use311,
                embeddedBrokerBind, embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes,
                requestTimeout, syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths,
                objectPaths, subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withEmbeddedBroker(String bind, int port) {
        return new UspControllerConfig(controllerId, controllerTopic, true, null, mqtt311, bind, port, mqttClientId,
                webSocketPort, webSocketPath, maxRecordBytes, requestTimeout, syncConcurrencyPerDevice,
                syncConcurrencyTotal, syncPathsPerGet, valueChangePaths, objectPaths, subscriptionIdPrefix,
                ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withoutMqtt() {
        return new UspControllerConfig(controllerId, controllerTopic, false, null, mqtt311, embeddedBrokerBind,
                embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes, requestTimeout,
                syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths, objectPaths,
                subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withWebSocket(int port, String path) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, mqtt311,
                embeddedBrokerBind, embeddedBrokerPort, mqttClientId, port, path, maxRecordBytes, requestTimeout,
                syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths, objectPaths,
                subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withLimits(int maxRecordBytes, double ratePerSecond, int rateBurst,
                                          int inboundQueueCapacity) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, mqtt311,
                embeddedBrokerBind, embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes,
                requestTimeout, syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths,
                objectPaths, subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withRequestTimeout(Duration timeout) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, mqtt311,
                embeddedBrokerBind, embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes,
                timeout, syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths,
                objectPaths, subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withMqttClientId(String clientId) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, mqtt311,
                embeddedBrokerBind, embeddedBrokerPort, clientId, webSocketPort, webSocketPath, maxRecordBytes,
                requestTimeout, syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths,
                objectPaths, subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                heartbeatInterval);
    }

    public UspControllerConfig withHeartbeatInterval(Duration interval) {
        return new UspControllerConfig(controllerId, controllerTopic, mqttEnabled, mqttUrl, mqtt311,
                embeddedBrokerBind, embeddedBrokerPort, mqttClientId, webSocketPort, webSocketPath, maxRecordBytes,
                requestTimeout, syncConcurrencyPerDevice, syncConcurrencyTotal, syncPathsPerGet, valueChangePaths,
                objectPaths, subscriptionIdPrefix, ratePerSecond, rateBurst, inboundQueueCapacity, maxEndpoints,
                interval);
    }

    /** How long an agent may stay silent before it is reported disconnected. */
    public Duration heartbeatGrace() {
        return Duration.ofMillis((long) (heartbeatInterval.toMillis() * HEARTBEAT_GRACE_FACTOR));
    }

    /** The broker URL the controller connects to: the external one, or the embedded broker on loopback. */
    public String effectiveMqttUrl() {
        return mqttUrl != null ? mqttUrl : EmbeddedMqttBroker.url(embeddedBrokerBind, embeddedBrokerPort);
    }
}
