package io.cpeoperator.operator.bridges;

import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.device.CompositeDeviceGateway;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.Protocol;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.bridge.usp.controller.UspController;
import io.cpeoperator.bridge.usp.controller.UspControllerConfig;
import io.cpeoperator.operator.config.AcsSecuritySettings;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The device side of the process: one twin store, the CWMP ACS and the USP controller (with its embedded MQTT broker
 * unless an external one is configured) behind one {@link CompositeDeviceGateway}, and on request a simulated fleet
 * speaking to them. {@link #close()} stops them in reverse order.
 */
public final class DeviceBridges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceBridges.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final DeviceGateway gateway;
    private CwmpAcs acs;
    private UspController usp;
    private Simulator simulator;

    /**
     * Connection Request credentials the simulated devices are given when none are configured (generated, never
     * secrets).
     */
    private static final String SIMULATED_CR_USERNAME = "cpe-operator-cr";
    private static final String SIMULATED_CR_PASSWORD = "simulated-cr-secret";
    /** The shared credential simulated CWMP devices present in strict mode; its password is made up per process. */
    static final String SIMULATED_ACS_USERNAME = "cpe-operator-simulated";

    private final int mqttPort;
    private final InMemoryCredentialStore credentials;

    private DeviceBridges(DeviceGateway gateway, int mqttPort, InMemoryCredentialStore credentials) {
        this.gateway = gateway;
        this.mqttPort = mqttPort;
        this.credentials = credentials;
    }

    /** Starts the bridges (not the simulator: start it once the operator listens for device events). */
    public static DeviceBridges start(OperatorConfig.BridgeSettings settings, MeterRegistry registry, Clock clock)
            throws Exception {
        TwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults(), registry, clock);
        Map<Protocol, DeviceGateway> gateways = new EnumMap<>(Protocol.class);
        CwmpAcs acs = null;
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        if (settings.hasConnectionRequestCredentials()) {
            credentials.defaultConnectionRequest(settings.crUsername(), settings.crPassword());
        }
        AcsSecuritySettings security = settings.acsSecurity();
        SecuredAcs secured = null;
        if (settings.acsPort() >= 0 || security.tls().isPresent()) {
            secured = SecuredAcs.create(settings, twins, credentials, registry, clock);
            acs = secured.acs();
            gateways.put(Protocol.CWMP, acs.gateway());
        }
        // the broker cannot report a port it picked itself, so "0" is resolved to a free port here
        int mqttPort = settings.mqttPort() == 0 ? EmbeddedMqttBroker.freePort() : settings.mqttPort();
        UspControllerConfig uspConfig = UspControllerConfig.defaults()
                .withEmbeddedBroker(settings.bindAddress(), mqttPort);
        if (!settings.mqttUrl().isEmpty()) {
            uspConfig = uspConfig.withExternalBroker(settings.mqttUrl());
        }
        uspConfig = uspConfig.withControllerId(settings.controllerId())
                .withHeartbeatInterval(settings.uspHeartbeatInterval());
        UspController controller = new UspController(uspConfig, twins, registry, clock);
        gateways.put(Protocol.USP, controller.gateway());
        DeviceBridges bridges = new DeviceBridges(new CompositeDeviceGateway(twins, gateways), mqttPort,
                credentials);
        try {
            if (secured != null && secured.credentialsFile().isPresent()) {
                secured.credentialsFile().get().pollEvery(SecuredAcs.CREDENTIALS_FILE_POLL);
                bridges.started.add(secured.credentialsFile().get());
            }
            if (acs != null) {
                acs.start();
                bridges.started.add(acs);
                bridges.acs = acs;
            }
            controller.start();
            bridges.started.add(controller);
            bridges.usp = controller;
        } catch (Exception e) {
            bridges.close();
            throw e;
        }
        LOG.info("Device bridges running: CWMP ACS on http port {}, https port {}, authentication {}; USP "
                        + "controller {} via {}", acs == null ? "(off)" : acs.httpPort(),
                acs == null ? "(off)" : acs.httpsPort(), security.authMode(), settings.controllerId(),
                uspConfig.effectiveMqttUrl());
        return bridges;
    }

    /** Starts {@code settings.simulatedDevices()} simulated devices against the running bridges. */
    public void simulate(OperatorConfig.BridgeSettings settings) throws Exception {
        if (settings.simulatedDevices() == 0) {
            return;
        }
        String crUsername = SIMULATED_CR_USERNAME;
        String crPassword = SIMULATED_CR_PASSWORD;
        if (settings.hasConnectionRequestCredentials()) {
            crUsername = settings.crUsername();
            crPassword = settings.crPassword();
        } else {
            credentials.defaultConnectionRequest(crUsername, crPassword);
        }
        SimulatorConfig.Builder builder = SimulatorConfig.builder()
                .devices(settings.simulatedDevices())
                .mqttUrl(settings.mqttUrl().isEmpty() ? EmbeddedMqttBroker.url(settings.bindAddress(), mqttPort)
                        : settings.mqttUrl())
                .controller(settings.controllerId(), UspControllerConfig.DEFAULT_CONTROLLER_TOPIC)
                .mix(settings.simulatedMix())
                .connectionRequestCredentials(crUsername, crPassword);
        if (acs != null && acs.httpPort() >= 0) {
            builder.acsUrl("http://" + settings.localAddress() + ":" + acs.httpPort() + "/");
        } else if (acs != null) {
            LOG.warn("The ACS has no plain HTTP listener (--acs-port -1): simulated CWMP devices cannot reach it");
        }
        if (acs != null && settings.acsSecurity().authMode() == AuthMode.STRICT) {
            // strict mode lets no device in without credentials: the simulated fleet shares a made-up one
            String password = newSimulatedPassword();
            credentials.putCpe(SIMULATED_ACS_USERNAME, password);
            builder.acsCredentials(SIMULATED_ACS_USERNAME, password);
        }
        if (!settings.simulatedScenarios().isEmpty()) {
            builder.scenarios(settings.simulatedScenarios());
        }
        simulator = new Simulator(builder.build());
        simulator.start();
        started.add(simulator);
        LOG.info("Simulating {} devices ({})", settings.simulatedDevices(), settings.simulatedMix());
    }

    private static String newSimulatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public DeviceGateway gateway() {
        return gateway;
    }

    /** The ACS's bound HTTP port; -1 when it has none (or there is no ACS). */
    public int acsHttpPort() {
        return acs == null ? -1 : acs.httpPort();
    }

    /** The ACS's bound HTTPS port; -1 when it has none (or there is no ACS). */
    public int acsHttpsPort() {
        return acs == null ? -1 : acs.httpsPort();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", started.get(i), e.toString());
            }
        }
        started.clear();
    }
}
