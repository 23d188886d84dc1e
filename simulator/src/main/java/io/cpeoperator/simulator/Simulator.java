package io.cpeoperator.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;
import io.cpeoperator.simulator.bulkdata.BulkDataCollector;
import io.cpeoperator.simulator.clock.CompressedClock;
import io.cpeoperator.simulator.clock.SimClock;
import io.cpeoperator.simulator.cwmp.ConnectionRequestServer;
import io.cpeoperator.simulator.cwmp.CwmpCpe;
import io.cpeoperator.simulator.cwmp.CwmpSettings;
import io.cpeoperator.simulator.device.DeviceEnvironment;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.ManagementAgent;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.FirmwareDefects;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.cpeoperator.simulator.scenario.Peaks;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.usp.UspAgent;
import io.cpeoperator.simulator.usp.UspSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of simulated CPEs in this JVM: the library entry point used by tests, benchmarks and the operator's
 * embedded mode, and behind {@link SimulatorMain}. Devices share a few scheduler threads, one Jetty HTTP client,
 * one connection-request listener and hivemq-mqtt-client's Netty event loop; none has a thread of its own.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorConfig config;
    private final MeterRegistry registry;
    private final SimClock clock;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final Map<String, SimulatedDevice> byId = new LinkedHashMap<>();
    private final FirmwareDefects firmwareDefects = new FirmwareDefects();
    private ScheduledThreadPoolExecutor scheduler;
    private HttpClient http;
    private ConnectionRequestServer connectionRequests;
    private AccessNetwork accessNetwork;
    private boolean started;

    public Simulator(SimulatorConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    public Simulator(SimulatorConfig config, MeterRegistry registry) {
        this(config, registry, new CompressedClock(config.timeCompression()));
    }

    public Simulator(SimulatorConfig config, MeterRegistry registry, SimClock clock) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    /** Builds the fleet, starts the shared listener and client, and powers the devices on (spread over time). */
    public synchronized void start() throws Exception {
        if (started) {
            return;
        }
        started = true;
        AtomicInteger threadNumber = new AtomicInteger();
        scheduler = new ScheduledThreadPoolExecutor(Math.max(1, config.schedulerThreads()), runnable -> {
            Thread thread = new Thread(runnable, "sim-scheduler-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        ModelCatalog catalog = new ModelCatalog(config.controllerEndpointId(), config.controllerTopic());
        List<DeviceProfile> profiles = FleetPlanner.plan(config, catalog);
        boolean anyCwmp = profiles.stream().anyMatch(p -> !p.transport().isUsp());
        String crBase = "";
        // bulk-data profiles of every device may POST reports, so the shared client always runs
        startHttp();
        if (anyCwmp) {
            connectionRequests = new ConnectionRequestServer(config.connectionRequestHost(), config.connectionRequestPort(), registry);
            connectionRequests.start();
            crBase = "http://" + config.connectionRequestHost() + ":" + connectionRequests.port() + "/cr/";
        }
        DeviceEnvironment environment = new DeviceEnvironment(clock, crBase, mqttHost(), mqttPort(),
                config.acsUsername(), config.acsPassword(), config.crUsername(), config.crPassword(),
                Math.max(1, config.informInterval().toSeconds()), firmwareDefects);
        CwmpCodec cwmpCodec = new CwmpCodec(SoapLimits.defaults());
        CwmpSettings cwmpSettings = new CwmpSettings(config.acsUrl(), config.informInterval(), Duration.ofSeconds(30),
                SoapLimits.DEFAULT_MAX_BODY_BYTES);
        UspSettings uspSettings = new UspSettings(mqttHost(), mqttPort(), config.controllerEndpointId(),
                config.controllerTopic(), config.agentTopicPrefix());
        UspRecordCodec uspCodec = new UspRecordCodec();
        long bootSpread = config.timing().startupSpread().toMillis();
        accessNetwork = AccessNetwork.plan(config.seed(), profiles.size());
        for (DeviceProfile profile : profiles) {
            // devices have been up for a while when the simulation starts: uptimes differ, like in a real fleet
            long uptimeMillis = initialUptimeMillis(profile);
            VirtualDevice state = new VirtualDevice(profile, environment, clock.millis() - uptimeMillis);
            DeviceLifecycle lifecycle = new DeviceLifecycle(state, scheduler, config.timing(), clock);
            ManagementAgent agent;
            if (profile.transport().isUsp()) {
                agent = new UspAgent(lifecycle, uspSettings, uspCodec, registry);
            } else {
                CwmpCpe cpe = new CwmpCpe(lifecycle, http, cwmpCodec, cwmpSettings, registry);
                connectionRequests.register(state, cpe);
                agent = cpe;
            }
            lifecycle.attach(agent);
            BulkDataCollector bulkData = new BulkDataCollector(state, http,
                    agent instanceof UspAgent usp ? usp.pushSink() : null);
            bulkData.start(scheduler, BulkDataCollector.TICK_MILLIS * devices.size() / Math.max(1, profiles.size()));
            SimulatedDevice device = new SimulatedDevice(state, lifecycle, agent, bulkData,
                    accessNetwork.nodeOf(devices.size()));
            devices.add(device);
            byId.put(state.id().toString(), device);
        }
        if (config.groundTruthFile() != null) {
            writeGroundTruth(config.groundTruthFile());
        }
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            long delay = devices.size() <= 1 ? 0 : bootSpread * i / devices.size();
            scheduler.schedule(() -> {
                try {
                    device.powerOn();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed to power on", device.id(), e);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
        LOG.info("simulator started: {} devices ({}), connection requests on port {}", devices.size(), config.mix(),
                connectionRequests == null ? "-" : connectionRequests.port());
    }

    /**
     * Devices have been up for a while when the simulation starts (at least an hour, so a PPP session that keeps
     * dropping is told apart from a fresh boot); a crash-looping one only for minutes, a leaking one for at least
     * 3.5 days, so its memory is already 90% used.
     */
    public static long initialUptimeMillis(DeviceProfile profile) {
        if (profile.scenarios().contains(Scenario.REBOOT_LOOP)) {
            return Math.floorMod(profile.seed(), 300L) * 1000L;
        }
        long minimum = profile.scenarios().contains(Scenario.MEMORY_LEAK) ? VirtualDevice.LEAK_HEAD_START_SECONDS : 3_600L;
        return (minimum + Math.floorMod(profile.seed(), 6 * 86_400L - minimum)) * 1000L;
    }

    private void startHttp() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("sim-http-client");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        // cookies are per session and per device, never shared through the client
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setFollowRedirects(false);
        http.setMaxConnectionsPerDestination(4096);
        http.setUserAgentField(null);
        http.start();
    }

    /** Powers every device off and releases the shared resources. */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        for (SimulatedDevice device : devices) {
            try {
                device.powerOff();
            } catch (RuntimeException e) {
                LOG.debug("{} failed to power off cleanly", device.id(), e);
            }
        }
        scheduler.shutdownNow();
        try {
            if (connectionRequests != null) {
                connectionRequests.close();
            }
            if (http != null) {
                http.stop();
            }
        } catch (Exception e) {
            LOG.debug("shared resources did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized List<SimulatedDevice> devices() {
        return Collections.unmodifiableList(new ArrayList<>(devices));
    }

    /** A device by its canonical DeviceId text ({@code cwmp:OUI-ProductClass-Serial} / {@code usp:<endpoint id>}). */
    public synchronized Optional<SimulatedDevice> device(String deviceId) {
        return Optional.ofNullable(byId.get(deviceId));
    }

    /**
     * The access node (OLT / DSLAM, e.g. {@code olt-3}) a device hangs off, from the fleet seed; an inventory
     * system would know it, the device's data model does not show it.
     *
     * @throws IllegalArgumentException for an unknown device
     */
    public String accessNodeOf(String deviceId) {
        return device(deviceId).map(SimulatedDevice::accessNode)
                .orElseThrow(() -> new IllegalArgumentException("no simulated device " + deviceId));
    }

    /** The ground truth of every device, keyed by canonical DeviceId text, in creation order. */
    public synchronized Map<String, GroundTruth> groundTruth() {
        Map<String, GroundTruth> truth = new LinkedHashMap<>();
        for (SimulatedDevice device : devices) {
            VirtualDevice state = device.state();
            Set<Scenario> scenarios = state.scenarios();
            List<String> names = new ArrayList<>();
            List<String> signatures = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                names.add(scenario.cliName());
                signatures.add(scenario.signature());
            }
            if (names.isEmpty()) {
                names.add(Scenario.HEALTHY.cliName());
                signatures.add(Scenario.HEALTHY.signature());
            }
            String firmware = state.softwareVersion();
            Optional<FirmwareDefect> defect = firmwareDefects.of(firmware);
            truth.put(state.id().toString(), new GroundTruth(state.id().toString(), state.profile().transport().label(),
                    state.manufacturer(), state.productClass(), firmware, state.schema().root(), names,
                    signatures, Scenario.expectedFindings(scenarios), defect.map(FirmwareDefect::cliName).orElse(""),
                    defect.map(d -> d.expectedFindings(s -> ScenarioFit.fits(s, state.model()))).orElse(List.of()),
                    device.accessNode()));
        }
        return truth;
    }

    /**
     * Declares a firmware version bad, for every model and every device that installs it (the version as read from
     * the image file name, e.g. {@code 9.0.0} for {@code .../nl-ax3000-9.0.0.bin}); replaces an earlier declaration
     * of the version. Thread-safe, before or after {@link #start()}: devices that already run the version show a
     * reboot-loop or Wi-Fi defect at once (the loop's first crash comes one loop period later), the others from
     * their boot into it; a download-fails defect applies to the downloads that finish from now on.
     */
    public void declareFirmwareDefect(String version, FirmwareDefect defect) {
        firmwareDefects.declare(version, defect);
        for (SimulatedDevice device : devices()) {
            if (device.state().softwareVersion().equals(version.trim())) {
                device.firmwareDefectsChanged();
            }
        }
    }

    /** The versions declared bad, by version. */
    public Map<String, FirmwareDefect> firmwareDefects() {
        return firmwareDefects.all();
    }

    /**
     * Changes what a running device suffers from; {@link #groundTruth()} and the next read of its data model show
     * the new conditions at once. Thread-safe.
     *
     * <p>Honest limits: reboot-loop needs the device to run its model's buggy firmware; the device then crashes at
     * once and keeps crashing every loop period until the scenario is removed; a memory leak switched on here counts as leaking for 3.5 days
     * already, so memory is at least 90% used on the next read.
     *
     * @throws IllegalArgumentException for an unknown device, or a scenario its model cannot show
     */
    public void setScenarios(String deviceId, Set<Scenario> scenarios) {
        SimulatedDevice device;
        synchronized (this) {
            device = byId.get(deviceId);
        }
        if (device == null) {
            throw new IllegalArgumentException("no simulated device " + deviceId);
        }
        VirtualDevice state = device.state();
        for (Scenario scenario : scenarios) {
            ScenarioFit.whyNot(scenario, state.model()).ifPresent(reason -> {
                throw new IllegalArgumentException(deviceId + ": " + reason);
            });
        }
        if (scenarios.contains(Scenario.REBOOT_LOOP) && !state.softwareVersion().equals(state.model().buggyFirmware())) {
            throw new IllegalArgumentException(deviceId + " runs " + state.softwareVersion() + ": reboot-loop needs the "
                    + "buggy firmware " + state.model().buggyFirmware());
        }
        boolean crashNow = scenarios.contains(Scenario.REBOOT_LOOP) && !state.has(Scenario.REBOOT_LOOP);
        state.scenarios(scenarios);
        device.scenariosChanged();
        if (crashNow) {
            // the loop starts with a crash, so the short uptime shows without waiting a whole loop period
            device.powerCycle();
        }
    }

    /**
     * What a fleet-level analysis should find: the failing access nodes, the busy hours of evening-peak devices and
     * the congested hours and channels of recurring-interference devices (deviceId to its 2.4 GHz Channel).
     */
    public synchronized FleetTruth fleetTruth() {
        java.util.Set<String> badNodes = new java.util.TreeSet<>();
        List<String> peakDevices = new ArrayList<>();
        Map<String, Integer> interferenceChannels = new LinkedHashMap<>();
        for (SimulatedDevice device : devices) {
            Set<Scenario> scenarios = device.state().scenarios();
            if (scenarios.contains(Scenario.BAD_ACCESS_NODE)) {
                badNodes.add(device.accessNode());
            }
            if (scenarios.contains(Scenario.EVENING_PEAK)) {
                peakDevices.add(device.id().toString());
            }
            if (scenarios.contains(Scenario.RECURRING_INTERFERENCE)) {
                String channel = device.value("Device.WiFi.Radio." + device.state().model().radioOf(
                        io.cpeoperator.simulator.model.Band.GHZ_2_4) + ".Channel");
                interferenceChannels.put(device.id().toString(), channel == null ? 0 : Integer.parseInt(channel));
            }
        }
        return new FleetTruth(List.copyOf(badNodes), peakDevices, List.of(Peaks.BUSY_FROM_HOUR, Peaks.BUSY_TO_HOUR),
                interferenceChannels, List.of(Peaks.INTERFERENCE_FROM_HOUR, Peaks.INTERFERENCE_TO_HOUR));
    }

    /**
     * The fleet-level ground truth (hours are UTC of the simulated clock, [from, to) ).
     *
     * @param badAccessNodes             nodes all of whose devices suffer bad-access-node
     * @param eveningPeakDevices         devices that follow the evening-peak curve
     * @param busyHours                  their busiest window, {@code [20, 22]}
     * @param recurringInterference      device to the 2.4 GHz channel congested daily
     * @param recurringInterferenceHours the congested window, {@code [18, 23]}
     */
    public record FleetTruth(List<String> badAccessNodes, List<String> eveningPeakDevices, List<Integer> busyHours,
                             Map<String, Integer> recurringInterference, List<Integer> recurringInterferenceHours) {
    }

    /**
     * Writes the ground truth as JSON: {@code {"scenarios": {...}, "firmwareDefects": {...}, "insights": {...},
     * "devices": [...]}} ({@code insights} is {@link #fleetTruth()}).
     */
    public void writeGroundTruth(Path file) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.values()) {
            scenarios.put(scenario.cliName(), Map.of("description", scenario.description(), "signature", scenario.signature()));
        }
        document.put("scenarios", scenarios);
        Map<String, Object> defects = new LinkedHashMap<>();
        firmwareDefects.all().forEach((version, defect) -> defects.put(version, Map.of("defect", defect.cliName(),
                "signature", defect.signature(), "findings", defect.expectedFindings(s -> true))));
        document.put("firmwareDefects", defects);
        document.put("insights", fleetTruth());
        document.put("devices", new ArrayList<>(groundTruth().values()));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    /**
     * Waits until every device's agent is up (USP: connected and subscribed; CWMP: powered on with its timers
     * running). Returns false on timeout.
     */
    public boolean awaitOnline(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (devices().stream().allMatch(d -> d.agent().isOnline())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    public int connectionRequestPort() {
        return connectionRequests == null ? -1 : connectionRequests.port();
    }

    public SimClock clock() {
        return clock;
    }

    public MeterRegistry registry() {
        return registry;
    }

    private String mqttHost() {
        return config.mqttUrl().getHost() == null ? "127.0.0.1" : config.mqttUrl().getHost();
    }

    private int mqttPort() {
        return config.mqttUrl().getPort() > 0 ? config.mqttUrl().getPort() : 1883;
    }

}
