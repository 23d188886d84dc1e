package io.cpeoperator.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.operator.bridges.DeviceBridges;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.device.DeviceFleets;
import io.cpeoperator.operator.device.DeviceQoe;
import io.cpeoperator.operator.device.DeviceReconcilerFactory;
import io.cpeoperator.operator.fleet.CpeFleetReconciler;
import io.cpeoperator.operator.fleet.FleetConditions;
import io.cpeoperator.operator.fleet.FleetDirectory;
import io.cpeoperator.operator.fleet.FleetQoeSettings;
import io.cpeoperator.operator.fleet.FleetStatusAggregator;
import io.cpeoperator.operator.fleet.aggregate.FleetTallies;
import io.cpeoperator.operator.fleet.rollout.FleetRollout;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmissions;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmitter;
import io.cpeoperator.operator.http.HealthEndpoints;
import io.cpeoperator.operator.http.HttpServer;
import io.cpeoperator.operator.http.QoeEndpoints;
import io.cpeoperator.operator.http.ResourceViewEndpoints;
import io.cpeoperator.operator.http.Route;
import io.cpeoperator.operator.http.TwinReadEndpoints;
import io.cpeoperator.operator.kube.EmbeddedKubernetes;
import io.cpeoperator.operator.kube.EventRecorder;
import io.cpeoperator.operator.qoe.QoeService;
import io.cpeoperator.operator.qoe.TelemetryRefresher;
import io.cpeoperator.operator.qoe.report.OpenAiReportRephraser;
import io.cpeoperator.operator.qoe.report.ReportRephraser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole operator process: metrics, the HTTP port, the Kubernetes API (a cluster, or the embedded one) and the
 * reconcilers. {@link #start()} returns when the reconcilers run; {@link #close()} stops everything in reverse order.
 */
public final class OperatorApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorApplication.class);
    static final Duration RECONCILE_TERMINATION_TIMEOUT = Duration.ofSeconds(5);

    private final OperatorConfig config;
    private final boolean embedded;
    private final Clock clock;
    private final DeviceGateway suppliedGateway;
    private final KubernetesClient suppliedClient;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile Operator operator;
    private volatile KubernetesClient client;
    private volatile DeviceGateway gateway;
    private DeviceBridges bridges;
    private HttpServer http;

    public OperatorApplication(OperatorConfig config, boolean embedded, Clock clock) {
        this(config, embedded, clock, null, null);
    }

    /**
     * @param gateway the device gateway to use instead of starting the protocol bridges (tests, benchmarks); null
     *                to start them
     * @param client  a Kubernetes API to use instead of connecting (it outlives this application, which does not
     *                close it: a test can stop and start the operator against the same API); null to connect
     */
    public OperatorApplication(OperatorConfig config, boolean embedded, Clock clock, DeviceGateway gateway,
                               KubernetesClient client) {
        this.config = config;
        this.embedded = embedded;
        this.clock = clock;
        this.suppliedGateway = gateway;
        this.suppliedClient = client;
    }

    public synchronized void start() throws Exception {
        bindJvmMetrics();
        client = suppliedClient != null ? suppliedClient : connect();
        gateway = suppliedGateway != null ? suppliedGateway : startBridges();
        QoeService qoe = startQoe();
        http = new HttpServer(config.bindAddress(), config.httpPort(), routes(client, qoe));
        http.start();
        started.add(http);

        Operator newOperator = new Operator(overrider -> overrider
                .withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                .withReconciliationTerminationTimeout(RECONCILE_TERMINATION_TIMEOUT)
                // the embedded API answers 415 to server-side apply; a real cluster gets SSA
                .withUseSSAToPatchPrimaryResource(!embedded));
        EventRecorder events = new EventRecorder(client, clock);
        FleetDirectory fleets = new FleetDirectory();
        RolloutAdmissions admissions = new RolloutAdmissions();
        DeviceFleets deviceFleets = new DeviceFleets(fleets, admissions);
        newOperator.register(DeviceReconcilerFactory.create(client, gateway, events, config, clock, registry,
                new DeviceQoe(qoe, new FleetQoeSettings(fleets)), deviceFleets, started));
        RolloutAdmitter admitter = new RolloutAdmitter(client, admissions, deviceFleets::wake, registry);
        newOperator.register(new CpeFleetReconciler(
                new FleetStatusAggregator(new Conditions(clock, FleetConditions.TYPES)), new FleetTallies(),
                new FleetRollout(admissions, admitter, events, clock), events, clock));
        newOperator.start();
        started.add(newOperator::stop);
        operator = newOperator;
        if (bridges != null) {
            bridges.simulate(config.bridges()); // after the reconcilers listen, so no device goes unseen
        }
        LOG.info("cpe-operator running in {} mode; reconcilers for {} and {} started; HTTP on port {}",
                embedded ? "embedded" : "cluster", CpeDevice.class.getSimpleName(), CpeFleet.class.getSimpleName(),
                http.port());
    }

    /** Ready once the reconcilers run and their informers are healthy. */
    public boolean isReady() {
        Operator current = operator;
        return current != null && current.getRuntimeInfo().isStarted()
                && current.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    public int httpPort() {
        return http.port();
    }

    public KubernetesClient kubernetesClient() {
        return client;
    }

    /** The device gateway the reconcilers use. */
    public DeviceGateway deviceGateway() {
        return gateway;
    }

    /** The process's metrics. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    public boolean embedded() {
        return embedded;
    }

    private KubernetesClient connect() {
        if (embedded) {
            EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
            started.add(kubernetes);
            return kubernetes.client();
        }
        KubernetesClient clusterClient = new KubernetesClientBuilder().build();
        started.add(clusterClient);
        LOG.info("Connecting to the Kubernetes API at {}", clusterClient.getMasterUrl());
        requireCrds(clusterClient);
        return clusterClient;
    }

    /** The CWMP ACS and the USP controller over one twin store. */
    private DeviceGateway startBridges() throws Exception {
        bridges = DeviceBridges.start(config.bridges(), registry, clock);
        started.add(bridges);
        return bridges.gateway();
    }

    /** The QoE evaluations, the optional report rewording, and the telemetry re-reads that feed them. */
    private QoeService startQoe() {
        OperatorConfig.QoeSettings settings = config.qoe();
        ReportRephraser rephraser = settings.rephrases()
                ? new OpenAiReportRephraser(settings.llmUrl(), settings.llmModel(), settings.llmApiKey(),
                Duration.ofSeconds(20), registry)
                : ReportRephraser.none();
        QoeService qoe = new QoeService(gateway.twins(), rephraser, clock, settings.evaluationInterval(), registry);
        started.add(qoe);
        if (!settings.telemetryInterval().isZero()) {
            started.add(new TelemetryRefresher(gateway, clock, settings.telemetryInterval(), registry,
                    qoe::telemetryArrived));
        }
        LOG.info("QoE: evaluated at most every {} per device; telemetry re-read every {}; reports {}",
                settings.evaluationInterval(), settings.telemetryInterval().isZero() ? "never"
                        : settings.telemetryInterval(), settings.rephrases() ? "reworded through "
                        + settings.llmUrl() : "deterministic");
        return qoe;
    }

    private static void requireCrds(KubernetesClient client) {
        for (String name : List.of("cpedevices.cpeoperator.io", "cpefleets.cpeoperator.io")) {
            try {
                if (client.apiextensions().v1().customResourceDefinitions().withName(name).get() == null) {
                    throw new IllegalStateException("CRD " + name + " is not installed in the cluster; "
                            + "install the CRDs first: kubectl apply -f crds/");
                }
            } catch (KubernetesClientException e) {
                LOG.warn("Could not check CRD {} ({}); continuing", name, e.getMessage());
            }
        }
    }

    private List<Route> routes(KubernetesClient kubernetes, QoeService qoe) {
        List<Route> routes = new ArrayList<>(new HealthEndpoints(this::isReady, registry).routes());
        routes.addAll(new ResourceViewEndpoints(kubernetes).routes());
        routes.addAll(new TwinReadEndpoints(kubernetes, gateway.twins(), clock).routes());
        routes.addAll(new QoeEndpoints(kubernetes, qoe).routes());
        return routes;
    }

    private void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public synchronized void close() {
        operator = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", started.get(i), e.toString());
            }
        }
        started.clear();
        registry.close();
    }
}
