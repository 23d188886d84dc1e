package io.cpeoperator.simulator;

import io.cpeoperator.simulator.cli.SimulatorOptions;
import io.cpeoperator.simulator.load.LoadGenerator;
import io.cpeoperator.simulator.load.SinkAcs;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code java -jar cpe-simulator.jar --help}: runs a simulated fleet, or a load-generator storm. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cpe-simulator-logback.xml");
        }
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        SimulatorOptions options;
        SimulatorConfig config;
        Map<String, FirmwareDefect> firmwareDefects;
        try {
            options = new SimulatorOptions(args);
            if (options.has("help")) {
                out.print(SimulatorOptions.help());
                return 0;
            }
            if (options.has("list-scenarios")) {
                for (Scenario scenario : Scenario.values()) {
                    out.printf(Locale.ROOT, "%-14s %s%n%14s signature: %s%n%14s findings: %s%n", scenario.cliName(),
                            scenario.description(), "", scenario.signature(), "",
                            scenario.expectedFindings().isEmpty() ? "none" : String.join(", ", scenario.expectedFindings()));
                }
                out.println("\nfirmware defects (--firmware-defect VERSION=DEFECT):");
                for (FirmwareDefect defect : List.of(FirmwareDefect.rebootLoop(), FirmwareDefect.wifiDegraded(),
                        FirmwareDefect.downloadFails(30))) {
                    List<String> findings = defect.expectedFindings(s -> true);
                    out.printf(Locale.ROOT, "%-17s %s%n%17s findings: %s%n", defect.cliName(), defect.signature(), "",
                            findings.isEmpty() ? "none" : String.join(", ", findings));
                }
                return 0;
            }
            if (options.has("list-models")) {
                for (VendorModel model : ModelCatalog.ALL) {
                    out.printf(Locale.ROOT, "%-10s %-20s %-6s %s firmware %s (reboot loop on %s)%s%n", model.productClass(),
                            model.manufacturer(), model.dataModel(), model.uspCapable() ? "CWMP+USP" : "CWMP only",
                            String.join(", ", model.firmwareVersions()), model.buggyFirmware(), model.meshNode() ? ", mesh node" : "");
                }
                return 0;
            }
            config = options.toConfig();
            firmwareDefects = options.firmwareDefects();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("run with --help for the options");
            return 2;
        }
        SinkAcs sink = null;
        if (options.has("sink-acs")) {
            sink = new SinkAcs(0);
            config = copyWithAcs(config, sink.url());
            out.println("in-process sink ACS at " + sink.url());
        }
        MeterRegistry registry = new SimpleMeterRegistry();
        Simulator simulator = new Simulator(config, registry);
        firmwareDefects.forEach(simulator::declareFirmwareDefect);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "simulator-shutdown"));
        try {
            simulator.start();
            out.printf(Locale.ROOT, "started %d devices (%s), time compression %.1f, connection requests on port %d%n",
                    config.devices(), config.mix(), config.timeCompression(), simulator.connectionRequestPort());
            if (config.groundTruthFile() != null) {
                out.println("ground truth written to " + config.groundTruthFile().toAbsolutePath());
            }
            LoadGenerator.Mode mode = options.loadMode();
            if (mode != null) {
                return storm(simulator, mode, options.loadDuration(), out);
            }
            runUntilStopped(simulator, options.duration(), options.statusInterval(), registry, out);
            return 0;
        } finally {
            simulator.stop();
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static int storm(Simulator simulator, LoadGenerator.Mode mode, Duration duration, PrintStream out) throws Exception {
        if (!simulator.awaitOnline(Duration.ofSeconds(120))) {
            out.println("warning: not every device came online within 120 s; storming with those that did");
        }
        LoadGenerator.Result result = LoadGenerator.run(simulator, mode, duration);
        out.println(result.summary());
        String key = "load." + mode.cliName();
        out.printf(Locale.ROOT, "RESULT %s.perSecond=%.1f%n", key, result.perSecond());
        out.printf(Locale.ROOT, "RESULT %s.p50Ms=%.2f%n", key, result.latencies().percentileMillis(50));
        out.printf(Locale.ROOT, "RESULT %s.p99Ms=%.2f%n", key, result.latencies().percentileMillis(99));
        return result.latencies().count() > 0 ? 0 : 1;
    }

    private static void runUntilStopped(Simulator simulator, Duration duration, Duration statusInterval,
                                        MeterRegistry registry, PrintStream out) throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long step = statusInterval.isZero() ? 1_000 : statusInterval.toMillis();
        while (System.nanoTime() < end) {
            forever.await(Math.min(step, Math.max(1, (end - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            if (!statusInterval.isZero()) {
                long online = simulator.devices().stream().filter(d -> d.agent().isOnline()).count();
                out.printf(Locale.ROOT, "status: %d/%d online, cwmp sessions %.0f (failed %.0f), usp messages in %.0f / out %.0f%n",
                        online, simulator.devices().size(), count(registry, "cpe.sim.cwmp.sessions"),
                        count(registry, "cpe.sim.cwmp.session.failures"), count(registry, "cpe.sim.usp.messages.received"),
                        count(registry, "cpe.sim.usp.messages.sent"));
            }
        }
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static SimulatorConfig copyWithAcs(SimulatorConfig c, String acs) {
        return new SimulatorConfig(java.net.URI.create(acs), c.mqttUrl(), c.devices(), c.mix(), c.scenarios(), c.seed(),
                c.timeCompression(), c.informInterval(), c.acsUsername(), c.acsPassword(), c.crUsername(), c.crPassword(),
                c.connectionRequestPort(), c.connectionRequestHost(), c.groundTruthFile(), c.serialOffset(),
                c.controllerEndpointId(), c.controllerTopic(), c.agentTopicPrefix(), c.schedulerThreads(), c.timing(), c.models());
    }
}
