package io.cpeoperator.operator.config;

import io.cpeoperator.bridge.net.ListenAddress;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's settings, from flags ({@code --http-port 8080} or {@code --http-port=8080}) with environment
 * variables as fallback and the defaults of {@link ConfigOption} last.
 *
 * @param embeddedRequested  true when --embedded / CPE_EMBEDDED=true asked for embedded mode explicitly
 * @param driftCheckInterval how often desired parameters are read back from a device; zero for never
 */
public record OperatorConfig(boolean embeddedRequested, int httpPort, String namespace, String logLevel,
                             Duration statusWriteInterval, Duration lastContactInterval,
                             Duration driftCheckInterval, QoeSettings qoe, BridgeSettings bridges) {

    /**
     * The QoE analysis.
     *
     * @param evaluationInterval least time between two evaluations of one device
     * @param telemetryInterval  how often QoE subtrees are re-read from a device; zero for never
     * @param llmUrl             base URL of an OpenAI-compatible API rephrasing reports; empty for none
     * @param llmApiKey          its bearer token (never printed)
     */
    public record QoeSettings(Duration evaluationInterval, Duration telemetryInterval, String llmUrl, String llmModel,
                              String llmApiKey) {

        public boolean rephrases() {
            return !llmUrl.isEmpty();
        }

        /** Without the key: settings end up in logs. */
        @Override
        public String toString() {
            return "QoeSettings[evaluationInterval=" + evaluationInterval + ", telemetryInterval=" + telemetryInterval
                    + ", llmUrl=" + llmUrl + ", llmModel=" + llmModel + ", llmApiKey="
                    + (llmApiKey.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * The protocol endpoints and the optional simulated fleet.
     *
     * @param bindAddress        the IP address the HTTP server, ACS and embedded broker listen on
     * @param acsPort            -1 for no ACS
     * @param mqttUrl            empty for the embedded broker
     * @param uspHeartbeatInterval the PeriodicNotifInterval USP agents are given (whole seconds, at least 1 s)
     * @param crUsername         Connection Request username for CWMP devices; empty for none
     * @param crPassword         its password (never printed)
     * @param crPerSecond        Connection Requests per second, fleet-wide
     * @param cwmpConnectedWindow least silence after which a CWMP device counts as not connected
     * @param simulatedDevices   0 for none
     * @param acsSecurity        how the ACS authenticates devices, and its HTTPS listener
     */
    public record BridgeSettings(String bindAddress, int acsPort, int mqttPort, String mqttUrl, String controllerId,
                                 Duration uspHeartbeatInterval, String crUsername, String crPassword,
                                 int crPerSecond, Duration cwmpConnectedWindow, int simulatedDevices,
                                 String simulatedMix, String simulatedScenarios, AcsSecuritySettings acsSecurity) {

        public boolean hasConnectionRequestCredentials() {
            return !crUsername.isEmpty();
        }

        /** Where a client in this process reaches the listeners: loopback when they listen on every interface. */
        public String localAddress() {
            return ListenAddress.localHost(bindAddress);
        }

        /** Without the password: settings end up in logs and exception messages. */
        @Override
        public String toString() {
            return "BridgeSettings[bindAddress=" + bindAddress + ", acsPort=" + acsPort + ", mqttPort=" + mqttPort
                    + ", mqttUrl=" + mqttUrl
                    + ", controllerId=" + controllerId + ", uspHeartbeatInterval=" + uspHeartbeatInterval
                    + ", crUsername=" + crUsername + ", crPassword="
                    + (crPassword.isEmpty() ? "" : "***") + ", crPerSecond=" + crPerSecond
                    + ", cwmpConnectedWindow=" + cwmpConnectedWindow + ", simulatedDevices=" + simulatedDevices
                    + ", simulatedMix=" + simulatedMix + ", simulatedScenarios=" + simulatedScenarios
                    + ", acsSecurity=" + acsSecurity + "]";
        }
    }

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    public static OperatorConfig defaults() {
        return parse(new String[0], Map.of());
    }

    public static OperatorConfig parse(String[] args, Map<String, String> env) {
        Map<ConfigOption, String> values = new EnumMap<>(ConfigOption.class);
        for (ConfigOption option : ConfigOption.values()) {
            String fromEnv = env.get(option.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(option, fromEnv.trim());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            ConfigOption option = byFlag(name);
            if (option.isSwitch()) {
                values.put(option, inline == null ? "true" : inline);
            } else if (inline != null) {
                values.put(option, inline);
            } else if (i + 1 < args.length) {
                values.put(option, args[++i]);
            } else {
                throw new ConfigException(name + " needs a value, e.g. " + name + " " + option.defaultValue());
            }
        }
        int acsPort = "-1".equals(value(values, ConfigOption.ACS_PORT)) ? -1
                : parsePort(value(values, ConfigOption.ACS_PORT), ConfigOption.ACS_PORT);
        int simulatedDevices = parseNumber(value(values, ConfigOption.SIMULATE), ConfigOption.SIMULATE, 0, 1_000_000);
        return new OperatorConfig(
                parseBoolean(values.get(ConfigOption.EMBEDDED), ConfigOption.EMBEDDED),
                parsePort(value(values, ConfigOption.HTTP_PORT), ConfigOption.HTTP_PORT),
                parseNamespace(value(values, ConfigOption.NAMESPACE)),
                parseLogLevel(value(values, ConfigOption.LOG_LEVEL)),
                parseDuration(value(values, ConfigOption.STATUS_WRITE_INTERVAL), ConfigOption.STATUS_WRITE_INTERVAL),
                parseDuration(value(values, ConfigOption.LAST_CONTACT_INTERVAL), ConfigOption.LAST_CONTACT_INTERVAL),
                parseDuration(value(values, ConfigOption.DRIFT_CHECK_INTERVAL), ConfigOption.DRIFT_CHECK_INTERVAL),
                new QoeSettings(
                        parseDuration(value(values, ConfigOption.QOE_INTERVAL), ConfigOption.QOE_INTERVAL),
                        parseDuration(value(values, ConfigOption.QOE_TELEMETRY_INTERVAL),
                                ConfigOption.QOE_TELEMETRY_INTERVAL),
                        parseLlmUrl(value(values, ConfigOption.QOE_LLM_URL)),
                        requireText(value(values, ConfigOption.QOE_LLM_MODEL), ConfigOption.QOE_LLM_MODEL),
                        value(values, ConfigOption.QOE_LLM_API_KEY).trim()),
                new BridgeSettings(
                        BindAddress.parse(value(values, ConfigOption.BIND_ADDRESS)),
                        acsPort,
                        parsePort(value(values, ConfigOption.MQTT_PORT), ConfigOption.MQTT_PORT),
                        value(values, ConfigOption.MQTT_URL).trim(),
                        requireText(value(values, ConfigOption.CONTROLLER_ID), ConfigOption.CONTROLLER_ID),
                        parseHeartbeat(value(values, ConfigOption.USP_HEARTBEAT_INTERVAL)),
                        value(values, ConfigOption.CR_USERNAME).trim(),
                        connectionRequestPassword(values),
                        parseNumber(value(values, ConfigOption.CR_PER_SECOND), ConfigOption.CR_PER_SECOND, 1, 100_000),
                        parseAtLeastOneSecond(value(values, ConfigOption.CWMP_CONNECTED_WINDOW),
                                ConfigOption.CWMP_CONNECTED_WINDOW),
                        simulatedDevices,
                        value(values, ConfigOption.SIMULATE_MIX).trim(),
                        value(values, ConfigOption.SIMULATE_SCENARIOS).trim(),
                        AcsSecuritySettings.parse(option -> value(values, option), simulatedDevices, acsPort)));
    }

    private static String parseLlmUrl(String text) {
        String url = text.trim();
        if (url.isEmpty()) {
            return url;
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException(ConfigOption.QOE_LLM_URL.flag() + " must be an http(s) URL such as "
                + "https://api.openai.com/v1, not '" + url + "'");
    }

    /** The address the HTTP server, the ACS and the embedded broker bind to. */
    public String bindAddress() {
        return bridges.bindAddress();
    }

    /** Text for --help. */
    public static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar operator/target/cpe-operator.jar [options]\n\n");
        for (ConfigOption option : ConfigOption.values()) {
            String flag = option.isSwitch() ? option.flag() : option.flag() + " <value>";
            text.append(String.format(Locale.ROOT, "  %-22s %s%n", flag, option.description()));
            text.append(String.format(Locale.ROOT, "  %-22s env %s%s%n", "", option.env(),
                    option.isSwitch() ? "" : ", default " + option.defaultValue()));
        }
        return text.toString();
    }

    private static ConfigOption byFlag(String flag) {
        for (ConfigOption option : ConfigOption.values()) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        throw new ConfigException("unknown option '" + flag + "'; --help lists the options");
    }

    private static String value(Map<ConfigOption, String> values, ConfigOption option) {
        return values.getOrDefault(option, option.defaultValue());
    }

    private static boolean parseBoolean(String text, ConfigOption option) {
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(option.flag() + " / " + option.env()
                    + " must be true or false, not '" + text + "'");
        };
    }

    static int parsePort(String text, ConfigOption option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(option.flag() + " / " + option.env() + " must be a port number 0-65535 "
                + "(0 picks a free port), not '" + text + "'");
    }

    private static String parseNamespace(String text) {
        if (!DNS_LABEL.matcher(text).matches()) {
            throw new ConfigException("--namespace / CPE_NAMESPACE must be a DNS label (lower-case letters, digits "
                    + "and '-', at most 63 characters), not '" + text + "'");
        }
        return text;
    }

    /** A whole number from {@code min} to {@code max}. */
    private static int parseNumber(String text, ConfigOption option, int min, int max) {
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(option.flag() + " / " + option.env() + " must be a number " + min + "-" + max
                + ", not '" + text + "'");
    }

    private static Duration parseAtLeastOneSecond(String text, ConfigOption option) {
        Duration duration = parseDuration(text, option);
        if (duration.toSeconds() < 1) {
            throw new ConfigException(option.flag() + " / " + option.env() + " must be at least 1s, not '" + text
                    + "'");
        }
        return duration;
    }

    /** A username without a password would make every Connection Request fail authentication: refuse it. */
    private static String connectionRequestPassword(Map<ConfigOption, String> values) {
        String password = value(values, ConfigOption.CR_PASSWORD);
        if (!value(values, ConfigOption.CR_USERNAME).isBlank() && password.isEmpty()) {
            throw new ConfigException(ConfigOption.CR_USERNAME.flag() + " needs a password: set "
                    + ConfigOption.CR_PASSWORD.env() + " (or " + ConfigOption.CR_PASSWORD.flag() + ")");
        }
        return password;
    }

    private static String requireText(String text, ConfigOption option) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(option.flag() + " / " + option.env() + " must not be empty");
        }
        return text.trim();
    }

    /** USP's PeriodicNotifInterval is an unsignedInt of seconds, at least 1. */
    private static Duration parseHeartbeat(String text) {
        Duration interval = parseDuration(text, ConfigOption.USP_HEARTBEAT_INTERVAL);
        if (interval.toSeconds() < 1 || interval.toMillis() % 1000 != 0) {
            throw new ConfigException(ConfigOption.USP_HEARTBEAT_INTERVAL.flag() + " / "
                    + ConfigOption.USP_HEARTBEAT_INTERVAL.env() + " must be whole seconds, at least 1s, not '"
                    + text + "'");
        }
        return interval;
    }

    /** {@code 10s}, {@code 5m}, {@code 1h}, {@code 250ms} or an ISO-8601 duration such as {@code PT10S}. */
    static Duration parseDuration(String text, ConfigOption option) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } else if (trimmed.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
            } else if (trimmed.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            } else if (trimmed.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            } else if (trimmed.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            } else {
                duration = null;
            }
            if (duration != null && !duration.isNegative()) {
                return duration;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        throw new ConfigException(option.flag() + " / " + option.env() + " must be a duration such as 10s, 5m, "
                + "1h or PT30S, not '" + text + "'");
    }

    private static String parseLogLevel(String text) {
        String level = text.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigException("--log-level / CPE_LOG_LEVEL must be one of error, warn, info, debug, trace, "
                    + "not '" + text + "'");
        }
        return level;
    }
}
