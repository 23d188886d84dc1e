package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.controller.UspControllerConfig;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.kube.EmbeddedKubernetes;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator in embedded mode with its real protocol bridges (CWMP ACS, USP controller on an MQTT broker started
 * here) and a {@link Simulator} started separately, everything on 127.0.0.1: what the QoE and rollout benchmarks
 * run against.
 * The same wiring as the operator's SimulatedOperatorFixture (a test class the benchmarks cannot use).
 */
public final class SimulatedOperatorRig implements AutoCloseable {

    public static final String NAMESPACE = "cpe-bench";
    private static final String CR_USERNAME = "bench-cr";
    private static final String CR_PASSWORD = "bench-cr-password";
    private static final String CONTROLLER_ID = "self::cpe-operator";

    public final EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
    public final KubernetesClient client = kubernetes.client();
    private final EmbeddedMqttBroker broker;
    private final int acsPort;
    public final OperatorApplication app;
    private Simulator simulator;

    /** Starts the API, the broker and the operator with {@code operatorArgs} added to the wiring flags. */
    public SimulatedOperatorRig(String... operatorArgs) throws Exception {
        broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 1 << 20);
        acsPort = freeLoopbackPort();
        List<String> args = new ArrayList<>(List.of("--bind-address", "127.0.0.1", "--http-port", "0",
                "--namespace", NAMESPACE, "--acs-port", Integer.toString(acsPort), "--mqtt-url", broker.url(),
                "--controller-id", CONTROLLER_ID, "--cr-username", CR_USERNAME));
        args.addAll(List.of(operatorArgs));
        app = new OperatorApplication(OperatorConfig.parse(args.toArray(String[]::new),
                Map.of("CPE_CR_PASSWORD", CR_PASSWORD)), true, Clock.systemUTC(), null, client);
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                    .build()).create();
            broker.start();
            app.start();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A simulator pointed at this operator; the caller adds devices, mix, scenarios, seed and timing. */
    public SimulatorConfig.Builder simulatorConfig() {
        return SimulatorConfig.builder()
                .acsUrl("http://127.0.0.1:" + acsPort + "/")
                .mqttUrl(broker.url())
                .controller(CONTROLLER_ID, UspControllerConfig.DEFAULT_CONTROLLER_TOPIC)
                .connectionRequestCredentials(CR_USERNAME, CR_PASSWORD)
                .connectionRequestHost("127.0.0.1")
                .timeCompression(1.0)
                .schedulerThreads(2);
    }

    /** Powers the fleet on. */
    public Simulator startSimulator(SimulatorConfig config) throws Exception {
        simulator = new Simulator(config);
        simulator.start();
        return simulator;
    }

    /** Reboot in 1 s, downloads in 300 ms, a reboot loop every {@code rebootLoopPeriod}, power-on spread. */
    public static Timing timing(Duration rebootLoopPeriod, Duration startupSpread) {
        return new Timing(Duration.ofSeconds(1), Duration.ofMillis(300), rebootLoopPeriod, startupSpread);
    }

    /**
     * How old the twin's CPU and uptime readings of a device are, e.g. {@code twin: DeviceInfo.UpTime=5012 observed
     * 3 s ago}: whether the QoE telemetry re-reads reach the device.
     */
    public String freshness(DeviceId id) {
        TwinStore twins = app.deviceGateway().twins();
        String root = twins.get(id, "InternetGatewayDevice.DeviceInfo.UpTime").isPresent() ? "InternetGatewayDevice."
                : "Device.";
        Instant now = Instant.now();
        StringBuilder text = new StringBuilder("twin:");
        for (String name : List.of("DeviceInfo.ProcessStatus.CPUUsage", "DeviceInfo.UpTime")) {
            Optional<TwinParameter> parameter = twins.get(id, root + name);
            text.append(' ').append(name).append('=').append(parameter.map(TwinParameter::value).orElse("absent"));
            parameter.ifPresent(p -> text.append(" observed ")
                    .append(Duration.between(p.observedAt(), now).toSeconds()).append(" s ago"));
        }
        return text.toString();
    }

    /** The operator's count of QoE telemetry re-reads with this outcome ({@code requested}, {@code failed}). */
    public double telemetryRefreshes(String outcome) {
        var counter = app.meterRegistry().find("cpe.qoe.telemetry.refreshes").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        app.close();
        broker.close();
        kubernetes.close();
    }
}
