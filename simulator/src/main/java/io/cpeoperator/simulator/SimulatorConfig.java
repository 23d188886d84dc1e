package io.cpeoperator.simulator;

import io.cpeoperator.simulator.device.DeviceProfile.Transport;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.scenario.ScenarioPlan;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a simulator run needs. Build with {@link #builder()}; every field has a usable default.
 *
 * @param acsUrl                  where CWMP devices open sessions
 * @param mqttUrl                 the broker USP agents connect to ({@code tcp://host:port})
 * @param devices                 fleet size
 * @param mix                     transport → weight (percent); see {@link Builder#mix(String)}
 * @param scenarios               which devices suffer from what
 * @param seed                    makes the fleet (models, serials, scenarios) reproducible
 * @param timeCompression         simulated seconds per real second for telemetry and scenarios
 * @param informInterval          default PeriodicInformInterval (real time)
 * @param acsUsername             CWMP credentials towards the ACS; empty username = per device {@code <OUI>-<serial>}
 * @param connectionRequestPort   the shared connection-request listener; 0 picks a free port
 * @param connectionRequestHost   the host name devices put into ConnectionRequestURL
 * @param groundTruthFile         written at start when set
 * @param serialOffset            first serial number (serials are {@code SIM%08d})
 * @param controllerEndpointId    the USP controller's endpoint ID (agents accept records from it only)
 * @param controllerTopic         where agents publish (MQTT)
 * @param agentTopicPrefix        agents subscribe to {@code <prefix><endpoint id>}
 * @param schedulerThreads        threads for all device timers (no thread per device)
 * @param models                  product classes to simulate (empty = every model of the catalog)
 */
public record SimulatorConfig(URI acsUrl, URI mqttUrl, int devices, Map<Transport, Integer> mix, ScenarioPlan scenarios,
                              long seed, double timeCompression, Duration informInterval, String acsUsername,
                              String acsPassword, String crUsername, String crPassword, int connectionRequestPort,
                              String connectionRequestHost, Path groundTruthFile, int serialOffset,
                              String controllerEndpointId, String controllerTopic, String agentTopicPrefix,
                              int schedulerThreads, Timing timing, java.util.List<String> models) {

    public SimulatorConfig {
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(mqttUrl, "mqttUrl");
        if (devices < 0) {
            throw new IllegalArgumentException("devices must be >= 0");
        }
        mix = Map.copyOf(mix);
        if (mix.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("the protocol mix must give some transport a positive share");
        }
        models = java.util.List.copyOf(models);
        if (!(timeCompression > 0)) {
            throw new IllegalArgumentException("time compression must be > 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder with defaults for a local run against the embedded operator. */
    public static final class Builder {
        private URI acsUrl = URI.create("http://127.0.0.1:7547/");
        private URI mqttUrl = URI.create("tcp://127.0.0.1:1883");
        private int devices = 10;
        private Map<Transport, Integer> mix = new LinkedHashMap<>(Map.of(Transport.CWMP, 50, Transport.USP_MQTT5, 50));
        private ScenarioPlan scenarios = ScenarioPlan.none();
        private long seed = 42;
        private double timeCompression = 1.0;
        private Duration informInterval = Duration.ofMinutes(5);
        private String acsUsername = "";
        private String acsPassword = "cpe-secret";
        private String crUsername = "";
        private String crPassword = "cr-secret";
        private int connectionRequestPort = 0;
        private String connectionRequestHost = "127.0.0.1";
        private Path groundTruthFile;
        private int serialOffset = 1;
        private String controllerEndpointId = "self::cpe-operator";
        private String controllerTopic = "usp/controller/cpe-operator";
        private String agentTopicPrefix = "usp/agent/";
        private int schedulerThreads = 2;
        private Timing timing = Timing.defaults();
        private java.util.List<String> models = java.util.List.of();

        public Builder acsUrl(String url) {
            this.acsUrl = URI.create(url);
            return this;
        }

        public Builder mqttUrl(String url) {
            this.mqttUrl = URI.create(url);
            return this;
        }

        public Builder devices(int count) {
            this.devices = count;
            return this;
        }

        /** {@code cwmp=50,usp=50}; {@code usp} means USP over MQTT 5, {@code usp-mqtt3} MQTT 3.1.1. */
        public Builder mix(String spec) {
            this.mix = MixParser.parse(spec);
            return this;
        }

        public Builder mix(Map<Transport, Integer> weights) {
            this.mix = new LinkedHashMap<>(weights);
            return this;
        }

        public Builder scenarios(ScenarioPlan plan) {
            this.scenarios = plan;
            return this;
        }

        /** {@code interference=10%,reboot-loop=2%,overheating=3,cpu-overload=@0}. */
        public Builder scenarios(String spec) {
            this.scenarios = ScenarioPlan.parse(spec);
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder timeCompression(double factor) {
            this.timeCompression = factor;
            return this;
        }

        public Builder informInterval(Duration interval) {
            this.informInterval = interval;
            return this;
        }

        public Builder acsCredentials(String username, String password) {
            this.acsUsername = username;
            this.acsPassword = password;
            return this;
        }

        public Builder connectionRequestCredentials(String username, String password) {
            this.crUsername = username;
            this.crPassword = password;
            return this;
        }

        public Builder connectionRequestPort(int port) {
            this.connectionRequestPort = port;
            return this;
        }

        public Builder connectionRequestHost(String host) {
            this.connectionRequestHost = host;
            return this;
        }

        public Builder groundTruthFile(Path file) {
            this.groundTruthFile = file;
            return this;
        }

        public Builder serialOffset(int offset) {
            this.serialOffset = offset;
            return this;
        }

        public Builder controller(String endpointId, String topic) {
            this.controllerEndpointId = endpointId;
            this.controllerTopic = topic;
            return this;
        }

        public Builder agentTopicPrefix(String prefix) {
            this.agentTopicPrefix = prefix;
            return this;
        }

        public Builder schedulerThreads(int threads) {
            this.schedulerThreads = threads;
            return this;
        }

        public Builder timing(Timing value) {
            this.timing = value;
            return this;
        }

        /** Only these product classes (e.g. {@code NL-AX3000}, {@code HG658-ONT}); empty for all. */
        public Builder models(java.util.List<String> productClasses) {
            this.models = productClasses;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(acsUrl, mqttUrl, devices, mix, scenarios, seed, timeCompression, informInterval,
                    acsUsername, acsPassword, crUsername, crPassword, connectionRequestPort, connectionRequestHost,
                    groundTruthFile, serialOffset, controllerEndpointId, controllerTopic, agentTopicPrefix,
                    schedulerThreads, timing, models);
        }
    }
}
