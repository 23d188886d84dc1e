package io.cpeoperator.operator.testing;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.controller.UspControllerConfig;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.device.identity.DeviceNames;
import io.cpeoperator.operator.kube.EmbeddedKubernetes;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The operator with its real protocol bridges (CWMP ACS on a fixed port, USP controller on an MQTT broker started
 * here) and a simulated fleet speaking to them. The Kubernetes API, the broker and the simulated devices outlive the
 * operator: a test can stop and start the operator, and the devices come back to the new process on their own (CWMP
 * devices at their next periodic Inform, USP agents through the broker).
 *
 * <p>The fleet is small and fixed: CWMP devices alternate a TR-181 model (Nordlink NL-AX3000) and a TR-098 model
 * (Meridian HG658-ONT); USP devices are NL-AX3000 agents over MQTT 5. Their identities are known before they start
 * ({@link #cwmpId(int)}, {@link #uspId(int)}), so a test can write CpeDevices for them ahead of time (GitOps).
 */
public final class SimulatedOperatorFixture implements AutoCloseable {

    public static final String CR_USERNAME = "fixture-cr";
    public static final String CR_PASSWORD = "fixture-cr-password";
    public static final String TR181_CWMP_MODEL = "NL-AX3000";
    public static final String TR098_CWMP_MODEL = "HG658-ONT";
    /** Fast device behaviour: reboots take 1 s, downloads 300 ms, every device is up at once. */
    public static final Timing FAST = new Timing(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofHours(8),
            Duration.ZERO);
    /** How often CWMP devices open a periodic session: how soon they find a restarted operator. */
    public static final Duration INFORM_INTERVAL = Duration.ofSeconds(3);
    /** How often USP agents send their Periodic! heartbeat: how soon a restarted operator reaches them. */
    public static final Duration USP_HEARTBEAT_INTERVAL = Duration.ofSeconds(2);
    private static final int USP_SERIAL_OFFSET = 101;
    private static final String CONTROLLER_ID = "self::cpe-operator";

    public final EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
    public final KubernetesClient client = kubernetes.client();
    public final String namespace;
    public final CpeDeviceResources resources;
    private final EmbeddedMqttBroker broker;
    private final String[] args;
    private final int cwmpDevices;
    private final int uspDevices;
    private final List<Simulator> simulators = new ArrayList<>();
    public OperatorApplication app;

    /**
     * Starts the API, the broker and the operator; the devices start with {@link #startDevices(double)}.
     *
     * @param operatorArgs more operator flags, e.g. {@code --status-write-interval 0s}
     */
    public SimulatedOperatorFixture(String namespace, int cwmpDevices, int uspDevices, String... operatorArgs)
            throws Exception {
        this.namespace = namespace;
        this.cwmpDevices = cwmpDevices;
        this.uspDevices = uspDevices;
        this.resources = new CpeDeviceResources(client, namespace);
        broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 1 << 20);
        List<String> all = new ArrayList<>(List.of("--bind-address", "127.0.0.1",
                "--http-port", "0", "--namespace", namespace,
                "--acs-port", Integer.toString(freeLoopbackPort()), "--mqtt-url", broker.url(),
                "--controller-id", CONTROLLER_ID, "--cr-username", CR_USERNAME,
                "--usp-heartbeat-interval", USP_HEARTBEAT_INTERVAL.toSeconds() + "s"));
        all.addAll(List.of(operatorArgs));
        this.args = all.toArray(String[]::new);
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
            broker.start();
            startOperator();
        } catch (Exception | AssertionError e) {
            close(); // a half-started fixture must not leave servers behind
            throw e;
        }
    }

    /** The ACS needs a fixed port: a restarted operator must be found where the devices knew it. */
    private static int freeLoopbackPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The CWMP identity of the index-th CWMP device: even indexes are TR-181 devices, odd ones TR-098. */
    public static DeviceId cwmpId(int index) {
        String serial = String.format("SIM%08d", 1 + index);
        return index % 2 == 0 ? DeviceId.cwmp("00D09E", TR181_CWMP_MODEL, serial)
                : DeviceId.cwmp("0C37DC", TR098_CWMP_MODEL, serial);
    }

    public static DeviceId uspId(int index) {
        return DeviceId.usp("os::00D09E-" + String.format("SIM%08d", USP_SERIAL_OFFSET + index));
    }

    /** The name discovery gives a device. */
    public static String nameOf(DeviceId id) {
        return DeviceNames.nameFor(id);
    }

    /**
     * Powers the simulated devices on.
     *
     * @param timeCompression simulated seconds per real second of the devices' telemetry
     */
    public void startDevices(double timeCompression) throws Exception {
        startDevices(timeCompression, "", "");
    }

    /**
     * Powers the simulated devices on, some of them with troubles.
     *
     * @param cwmpScenarios scenarios of the CWMP devices, e.g. {@code wan-loss=1} (see the simulator's ScenarioPlan)
     * @param uspScenarios  scenarios of the USP devices
     */
    public void startDevices(double timeCompression, String cwmpScenarios, String uspScenarios) throws Exception {
        startDevices(timeCompression, cwmpScenarios, uspScenarios, FAST);
    }

    /** As {@link #startDevices(double, String, String)}, with the devices' own timing (reboots, downloads, loops). */
    public void startDevices(double timeCompression, String cwmpScenarios, String uspScenarios, Timing timing)
            throws Exception {
        if (cwmpDevices > 0) {
            startSimulator(base(timeCompression, timing).devices(cwmpDevices).mix("cwmp=100")
                    .models(List.of(TR181_CWMP_MODEL, TR098_CWMP_MODEL)).serialOffset(1).scenarios(cwmpScenarios));
        }
        if (uspDevices > 0) {
            startSimulator(base(timeCompression, timing).devices(uspDevices).mix("usp=100")
                    .models(List.of(TR181_CWMP_MODEL)).serialOffset(USP_SERIAL_OFFSET).scenarios(uspScenarios));
        }
        for (int i = 0; i < cwmpDevices; i++) {
            simulated(cwmpId(i)); // the identities promised above are the ones simulated
        }
        for (int i = 0; i < uspDevices; i++) {
            simulated(uspId(i));
        }
    }

    private SimulatorConfig.Builder base(double timeCompression, Timing timing) {
        return SimulatorConfig.builder()
                .acsUrl("http://127.0.0.1:" + config().bridges().acsPort() + "/")
                .mqttUrl(broker.url())
                .controller(CONTROLLER_ID, UspControllerConfig.DEFAULT_CONTROLLER_TOPIC)
                .connectionRequestCredentials(CR_USERNAME, CR_PASSWORD)
                .informInterval(INFORM_INTERVAL)
                .timing(timing)
                .timeCompression(timeCompression)
                .schedulerThreads(1);
    }

    private void startSimulator(SimulatorConfig.Builder builder) throws Exception {
        Simulator simulator = new Simulator(builder.build());
        simulators.add(simulator);
        simulator.start();
    }

    /** Makes every device that installs {@code version} behave as a bad release does (see FirmwareDefect). */
    public void declareFirmwareDefect(String version, FirmwareDefect defect) {
        simulators.forEach(simulator -> simulator.declareFirmwareDefect(version, defect));
    }

    /** The simulated device itself (its values, boots and requests received). */
    public SimulatedDevice simulated(DeviceId id) {
        return simulators.stream().map(s -> s.device(id.toString())).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> new AssertionError("no simulated device " + id));
    }

    /** What is really wrong with each simulated device, keyed by canonical DeviceId text. */
    public Map<String, GroundTruth> groundTruth() {
        Map<String, GroundTruth> truth = new java.util.LinkedHashMap<>();
        simulators.forEach(simulator -> truth.putAll(simulator.groundTruth()));
        return truth;
    }

    /** The password comes from the environment, as in a Deployment (a Secret), not from a flag. */
    private OperatorConfig config() {
        return OperatorConfig.parse(args, Map.of("CPE_CR_PASSWORD", CR_PASSWORD));
    }

    public void startOperator() throws Exception {
        app = new OperatorApplication(config(), true, Clock.systemUTC(), null, client);
        app.start();
    }

    public void stopOperator() {
        app.close();
    }

    /** The CpeDevice as the API server holds it. */
    public CpeDevice device(String name) {
        return resources.get(name);
    }

    public CpeDevice awaitDevice(String name, Predicate<CpeDevice> condition) {
        return resources.await(name, condition, Duration.ofSeconds(60));
    }

    public List<Event> events(String name) {
        return resources.events(name);
    }

    public Event awaitEvent(String name, String reason) {
        return resources.awaitEvent(name, reason);
    }

    /** A counter of the operator's metrics, 0 when it was never incremented. */
    public double counter(String name, String... tags) {
        var counter = app.meterRegistry().find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        for (Simulator simulator : simulators) {
            simulator.close();
        }
        if (app != null) {
            app.close();
        }
        broker.close();
        kubernetes.close();
    }
}
