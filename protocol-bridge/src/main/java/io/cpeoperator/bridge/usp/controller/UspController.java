package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.mtp.mqtt.MqttMtp;
import io.cpeoperator.bridge.usp.mtp.mqtt.MqttMtpConfig;
import io.cpeoperator.bridge.usp.mtp.websocket.WebSocketMtp;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The USP controller in one object: construct it with its configuration, the twin store, a meter registry and a
 * clock, {@link #start()} it, use {@link #gateway()}, {@link #stop()} it. It owns the embedded broker (unless an
 * external one is configured), the MQTT MTP, the WebSocket MTP, and everything between records and the twin.
 */
public final class UspController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UspController.class);
    /**
     * Agents whose contact handshake (version, identity, subscriptions) runs at once. Bounds the requests a fleet
     * connecting together puts in flight, so none of them waits past the request timeout behind the others.
     */
    static final int CONCURRENT_HANDSHAKES = 256;

    private final UspControllerConfig config;
    private final UspMetrics metrics;
    private final AgentSessions sessions;
    private final ProcessingLanes lanes;
    private final ScheduledExecutorService timer;
    private final UspRequester requester;
    private final UspOperations operations;
    private final UspDeviceGateway gateway;
    private final InboundPipeline inbound;
    private final EmbeddedMqttBroker broker;
    private final MqttMtp mqtt;
    private final WebSocketMtp webSocket;
    private final AgentLiveness liveness;

    public UspController(UspControllerConfig config, TwinStore twin, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.metrics = new UspMetrics(registry);
        UspRecordCodec codec = new UspRecordCodec(config.maxRecordBytes());
        this.sessions = new AgentSessions(config.maxEndpoints(), config.ratePerSecond(), config.rateBurst());
        this.lanes = new ProcessingLanes(Math.max(2, Runtime.getRuntime().availableProcessors()),
                config.inboundQueueCapacity());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usp-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.requester = new UspRequester(config.controllerId(), codec, timer, config.requestTimeout(), metrics);
        this.operations = new UspOperations(requester);
        DeviceEventBus events = new DeviceEventBus();
        FirmwareUpgrades firmware = new FirmwareUpgrades(operations);
        StandardSubscriptions subscriptions = new StandardSubscriptions(operations, config.subscriptionIdPrefix(),
                config.valueChangePaths(), config.objectPaths());
        FullSync fullSync = new FullSync(operations, twin, config.syncConcurrencyTotal(),
                config.syncConcurrencyPerDevice(), config.syncPathsPerGet(), clock);
        HeartbeatSetup heartbeat = new HeartbeatSetup(operations, metrics, subscriptions.periodicId(),
                config.controllerId(), config.heartbeatInterval());
        AgentOnboarding onboarding = new AgentOnboarding(operations, subscriptions, heartbeat, fullSync, twin, events,
                clock, CONCURRENT_HANDSHAKES, timer);
        NotifyHandler notifyHandler = new NotifyHandler(twin, events, onboarding, requester, metrics, clock,
                firmware::onOperationComplete);
        MessageDispatcher dispatcher = new MessageDispatcher(requester, notifyHandler, onboarding, events, metrics,
                clock);
        this.inbound = new InboundPipeline(config.controllerId(), codec, sessions, lanes, dispatcher, metrics);
        this.liveness = new AgentLiveness(sessions, events, metrics, clock, config.heartbeatGrace());
        this.gateway = new UspDeviceGateway(sessions, operations, requester, firmware, twin, events, clock);
        this.broker = config.mqttEnabled() && config.mqttUrl() == null
                ? new EmbeddedMqttBroker(config.embeddedBrokerBind(), config.embeddedBrokerPort(),
                config.maxRecordBytes() + 64 * 1024)
                : null;
        this.mqtt = config.mqttEnabled()
                ? new MqttMtp(new MqttMtpConfig(config.effectiveMqttUrl(), config.mqttClientId(),
                config.controllerTopic(), config.controllerId(), null, config.mqtt311()), inbound, registry)
                : null;
        this.webSocket = new WebSocketMtp(config.webSocketPath(), config.maxRecordBytes(), inbound, registry);
    }

    /** Starts the broker (if embedded), connects to it, and starts the own WebSocket server if a port is set. */
    public void start() {
        liveness.start(timer);
        if (broker != null) {
            broker.start();
        }
        if (mqtt != null) {
            try {
                mqtt.start().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the client keeps reconnecting in the background; the controller still serves WebSocket agents
                LOG.warn("MQTT broker {} not reachable yet; retrying in the background", config.effectiveMqttUrl(),
                        e);
            }
        }
        if (config.webSocketPort() > 0) {
            webSocket.startServer(config.webSocketPort());
        }
        LOG.info("USP controller {} started (MQTT {}, WebSocket {})", config.controllerId(),
                mqtt == null ? "off" : config.effectiveMqttUrl() + " topic " + config.controllerTopic(),
                config.webSocketPort() > 0 ? "port " + webSocket.port() + config.webSocketPath() : "mountable");
    }

    public void stop() {
        webSocket.stop();
        if (mqtt != null) {
            mqtt.stop();
        }
        requester.cancelAll(null, "USP controller stopped");
        if (broker != null) {
            broker.stop();
        }
        lanes.close();
        timer.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    public UspDeviceGateway gateway() {
        return gateway;
    }

    /** Typed USP requests, for callers that need more than the gateway offers. */
    public UspOperations operations() {
        return operations;
    }

    public AgentSessions sessions() {
        return sessions;
    }

    public UspMetrics metrics() {
        return metrics;
    }

    public boolean isMqttConnected() {
        return mqtt != null && mqtt.isConnected();
    }

    /** A Jetty handler serving USP WebSocket agents, to mount on a server the operator owns. */
    public Handler webSocketHandler(org.eclipse.jetty.server.Server server) {
        return webSocket.handler(server);
    }

    /** The port of the controller's own WebSocket server, once started. */
    public int webSocketPort() {
        return webSocket.port();
    }
}
