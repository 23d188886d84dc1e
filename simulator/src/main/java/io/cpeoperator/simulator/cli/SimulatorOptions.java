package io.cpeoperator.simulator.cli;

import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.load.LoadGenerator;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.FirmwareDefects;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The simulator's command-line options and how they become a {@link SimulatorConfig}. */
public final class SimulatorOptions {

    static final List<Option> OPTIONS = List.of(
            new Option("acs", "URL", "http://127.0.0.1:7547/", "ACS URL CWMP devices open sessions with"),
            new Option("mqtt", "URL", "tcp://127.0.0.1:1883", "MQTT broker USP agents connect to"),
            new Option("devices", "N", "10", "number of simulated devices"),
            new Option("mix", "SPEC", "cwmp=50,usp=50", "protocol mix by weight: cwmp, usp (= usp-mqtt5), usp-mqtt3"),
            new Option("scenario", "SPEC", "none", "conditions: NAME=P% (fleet share), NAME=N (count), NAME=@I@J (device indexes); "
                    + "comma-separated, see --list-scenarios"),
            new Option("firmware-defect", "SPEC", "none", "firmware versions that hurt every device installing them: "
                    + "VERSION=reboot-loop, VERSION=wifi-degraded, VERSION=download-fails:PERCENT; comma-separated "
                    + "(the version is read from the image file name, .../nl-ax3000-9.0.0.bin is 9.0.0)"),
            new Option("models", "LIST", "all", "product classes to simulate, comma-separated (see --list-models)"),
            new Option("seed", "N", "42", "seed for models, serials and scenario assignment (same seed, same fleet)"),
            new Option("day", "DURATION", "24h", "real length of a simulated day (sets --time-compression = 24h / DURATION)"),
            new Option("time-compression", "X", "1", "simulated seconds per real second for telemetry and scenarios"),
            new Option("inform-interval", "DURATION", "5m", "default PeriodicInformInterval of CWMP devices (real time)"),
            new Option("acs-username", "USER", "<OUI>-<serial>", "ManagementServer.Username (Basic/Digest towards the ACS)"),
            new Option("acs-password", "PASS", "cpe-secret", "ManagementServer.Password"),
            new Option("cr-username", "USER", "cr-<serial>", "ConnectionRequestUsername the ACS must use"),
            new Option("cr-password", "PASS", "cr-secret", "ConnectionRequestPassword (Digest); empty disables the check"),
            new Option("cr-port", "PORT", "0", "port of the shared connection-request listener (0 = a free port)"),
            new Option("cr-host", "HOST", "127.0.0.1", "address to listen on and to put into ConnectionRequestURL"),
            new Option("ground-truth", "FILE", "-", "write the ground truth (device -> scenarios, signatures) as JSON"),
            new Option("serial-offset", "N", "1", "first serial number (serials are SIM%08d)"),
            new Option("controller-id", "ID", "self::cpe-operator", "USP controller endpoint ID agents accept"),
            new Option("controller-topic", "TOPIC", "usp/controller/cpe-operator", "MQTT topic agents publish to"),
            new Option("agent-topic-prefix", "PREFIX", "usp/agent/", "agents subscribe to PREFIX<endpoint id>"),
            new Option("threads", "N", "2", "scheduler threads shared by all devices"),
            new Option("reboot-downtime", "DURATION", "5s", "how long a rebooting device is unreachable"),
            new Option("download-delay", "DURATION", "5s", "from Download to installed (or failed) firmware"),
            new Option("reboot-loop-period", "DURATION", "8m", "simulated uptime after which reboot-loop devices crash"),
            new Option("startup-spread", "DURATION", "auto", "bring devices online over this window (auto: 2 ms per device, min 2s)"),
            new Option("duration", "DURATION", "forever", "stop after this long"),
            new Option("status-interval", "DURATION", "30s", "print a status line this often (0 = never)"),
            new Option("load", "MODE", "-", "load-generator mode: cwmp-storm (Inform sessions back to back) or usp-storm "
                    + "(Notify needing NotifyResp back to back); prints throughput and latency percentiles"),
            new Option("load-duration", "DURATION", "30s", "length of the storm"),
            new Option("sink-acs", null, "off", "start an in-process minimal ACS and point CWMP devices at it (self-test)"),
            new Option("list-scenarios", null, "", "print the scenarios with their signatures and exit"),
            new Option("list-models", null, "", "print the vendor models and exit"),
            new Option("help", null, "", "print this help and exit"));

    private final CommandLine line;

    public SimulatorOptions(String[] args) {
        this.line = new CommandLine(args, OPTIONS);
    }

    public boolean has(String name) {
        return line.has(name);
    }

    public SimulatorConfig toConfig() {
        int devices = line.intValue("devices", 10);
        SimulatorConfig.Builder builder = SimulatorConfig.builder()
                .acsUrl(line.get("acs", "http://127.0.0.1:7547/"))
                .mqttUrl(line.get("mqtt", "tcp://127.0.0.1:1883"))
                .devices(devices)
                .mix(line.get("mix", "cwmp=50,usp=50"))
                .scenarios(line.get("scenario", ""))
                .seed(line.intValue("seed", 42))
                .timeCompression(compression())
                .informInterval(Durations.parse(line.get("inform-interval", "5m")))
                .acsCredentials(line.get("acs-username", ""), line.get("acs-password", "cpe-secret"))
                .connectionRequestCredentials(line.get("cr-username", ""), line.get("cr-password", "cr-secret"))
                .connectionRequestPort(line.intValue("cr-port", 0))
                .connectionRequestHost(line.get("cr-host", "127.0.0.1"))
                .serialOffset(line.intValue("serial-offset", 1))
                .controller(line.get("controller-id", "self::cpe-operator"), line.get("controller-topic", "usp/controller/cpe-operator"))
                .agentTopicPrefix(line.get("agent-topic-prefix", "usp/agent/"))
                .schedulerThreads(line.intValue("threads", 2))
                .timing(new Timing(Durations.parse(line.get("reboot-downtime", "5s")),
                        Durations.parse(line.get("download-delay", "5s")),
                        Durations.parse(line.get("reboot-loop-period", "8m")), startupSpread(devices)));
        if (line.has("models")) {
            builder.models(Arrays.stream(line.get("models", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (line.has("ground-truth")) {
            builder.groundTruthFile(Path.of(line.get("ground-truth", "ground-truth.json")));
        }
        return builder.build();
    }

    private double compression() {
        if (line.has("day")) {
            Duration day = Durations.parse(line.get("day", "24h"));
            return 86_400_000.0 / Math.max(1, day.toMillis());
        }
        return line.doubleValue("time-compression", 1.0);
    }

    private Duration startupSpread(int devices) {
        String spread = line.get("startup-spread", "auto");
        if (spread.equalsIgnoreCase("auto")) {
            return Duration.ofMillis(Math.max(2_000, devices * 2L));
        }
        return Durations.parse(spread);
    }

    /**
     * The {@code --firmware-defect} declarations, by version, in the order given; empty without the option.
     *
     * @throws IllegalArgumentException naming the entry at fault and the accepted forms
     */
    public Map<String, FirmwareDefect> firmwareDefects() {
        Map<String, FirmwareDefect> defects = FirmwareDefects.parse(line.get("firmware-defect", ""));
        if (line.has("firmware-defect") && defects.isEmpty()) {
            throw new IllegalArgumentException("--firmware-defect needs VERSION=DEFECT entries, as in 9.0.0=reboot-loop; "
                    + "defects: " + FirmwareDefect.forms());
        }
        return defects;
    }

    public Duration duration() {
        return line.has("duration") ? Durations.parse(line.get("duration", "0")) : null;
    }

    public Duration statusInterval() {
        return Durations.parse(line.get("status-interval", "30s"));
    }

    public LoadGenerator.Mode loadMode() {
        return line.has("load") ? LoadGenerator.Mode.fromCliName(line.get("load", "")) : null;
    }

    public Duration loadDuration() {
        return Durations.parse(line.get("load-duration", "30s"));
    }

    /** The --help text: usage, every option with its default, examples. */
    public static String help() {
        StringBuilder out = new StringBuilder();
        out.append("usage: java -jar simulator/target/cpe-simulator.jar [options]\n\n")
                .append("Simulates a fleet of CWMP (TR-069) and USP (TR-369 over MQTT) home gateways in one JVM.\n\n")
                .append("options:\n");
        for (Option option : OPTIONS) {
            String name = "--" + option.name() + (option.value() == null ? "" : " " + option.value());
            out.append(String.format(Locale.ROOT, "  %-30s %s", name, option.description()));
            if (!option.defaultValue().isEmpty() && !option.defaultValue().equals("-")) {
                out.append(" [default: ").append(option.defaultValue()).append(']');
            }
            out.append('\n');
        }
        out.append("\nexamples:\n")
                .append("  java -jar simulator/target/cpe-simulator.jar --acs http://127.0.0.1:7547/ --mqtt tcp://127.0.0.1:1883 \\\n")
                .append("      --devices 1000 --mix cwmp=50,usp=50 --scenario interference=10%,reboot-loop=2%\n")
                .append("  java -jar simulator/target/cpe-simulator.jar --devices 200 --day 10m --scenario memory-leak=5% "
                        + "--ground-truth truth.json\n")
                .append("  java -jar simulator/target/cpe-simulator.jar --devices 500 --firmware-defect "
                        + "9.0.0=reboot-loop,9.1.0=wifi-degraded,9.2.0=download-fails:30\n")
                .append("  java -jar simulator/target/cpe-simulator.jar --sink-acs --devices 500 --mix cwmp=100 "
                        + "--load cwmp-storm --load-duration 20s\n");
        return out.toString();
    }
}
