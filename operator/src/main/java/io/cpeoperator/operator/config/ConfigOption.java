package io.cpeoperator.operator.config;

/**
 * Every setting of the operator process: a command-line flag and its environment-variable equivalent. The README's
 * configuration table lists exactly these (a test keeps the two in step).
 */
public enum ConfigOption {
    EMBEDDED("--embedded", "CPE_EMBEDDED", null,
            "Run with an in-process Kubernetes API (fabric8 mock server, CRUD mode) instead of a cluster. "
                    + "Also chosen, with a log line saying so, when no kubeconfig or in-cluster config is found."),
    HTTP_PORT("--http-port", "CPE_HTTP_PORT", "8080",
            "Port of the HTTP server: /healthz, /readyz, /metrics and the read-only /api/v1 views."),
    BIND_ADDRESS("--bind-address", "CPE_BIND_ADDRESS", "0.0.0.0",
            "IP address the operator's listeners bind to: the HTTP server, the ACS (HTTP and HTTPS) and the embedded "
                    + "MQTT broker. 0.0.0.0 (or ::) for every interface, as in a pod; 127.0.0.1 keeps them on this "
                    + "machine."),
    NAMESPACE("--namespace", "CPE_NAMESPACE", "cpe-system",
            "Namespace where CpeDevices of newly discovered devices are created."),
    LOG_LEVEL("--log-level", "CPE_LOG_LEVEL", "info",
            "Log level of the operator's own loggers: error, warn, info, debug or trace."),
    STATUS_WRITE_INTERVAL("--status-write-interval", "CPE_STATUS_WRITE_INTERVAL", "10s",
            "Least time between two status patches of one CpeDevice; a material change inside it is written when it "
                    + "ends (e.g. 10s, 1m, PT30S)."),
    LAST_CONTACT_INTERVAL("--last-contact-interval", "CPE_LAST_CONTACT_INTERVAL", "5m",
            "How often status is patched when only telemetry changed (last contact, CPU, memory, radio load); "
                    + "bounds patches per device to 3600 s / this interval per hour."),
    DRIFT_CHECK_INTERVAL("--drift-check-interval", "CPE_DRIFT_CHECK_INTERVAL", "10m",
            "How often the desired parameters (spec.parameters) of a configured device are read back from it, so a "
                    + "change made on the device (subscriber, factory reset) is found and repaired even when the "
                    + "device does not report it; read at the device's next contact (CWMP: its next periodic session, "
                    + "no Connection Request); 0s turns the re-reads off."),
    QOE_INTERVAL("--qoe-interval", "CPE_QOE_INTERVAL", "30s",
            "Least time between two QoE evaluations of one device; twin changes inside it are evaluated when it "
                    + "ends (never dropped)."),
    QOE_TELEMETRY_INTERVAL("--qoe-telemetry-interval", "CPE_QOE_TELEMETRY_INTERVAL", "5m",
            "How often the subtrees the QoE checks read (Wi-Fi, DeviceInfo, diagnostics, WAN, PPP, DHCP, hosts) "
                    + "are re-read from each connected device into the twin: one USP Get, or for CWMP a walk of each "
                    + "subtree in one session asked for by a Connection Request; 0s turns the re-reads off (the "
                    + "checks then see what syncs and notifications bring)."),
    QOE_LLM_URL("--qoe-llm-url", "CPE_QOE_LLM_URL", "",
            "Base URL of an OpenAI-compatible chat-completions API (e.g. https://api.openai.com/v1) that rephrases "
                    + "the QoE reports; empty (the default) keeps the deterministic report and calls no network."),
    QOE_LLM_MODEL("--qoe-llm-model", "CPE_QOE_LLM_MODEL", "gpt-4o-mini",
            "Model name sent to --qoe-llm-url."),
    QOE_LLM_API_KEY("--qoe-llm-api-key", "CPE_QOE_LLM_API_KEY", "",
            "Bearer token for --qoe-llm-url. Prefer the environment variable (from a Kubernetes Secret): a flag is "
                    + "visible in the process list."),
    ACS_PORT("--acs-port", "CPE_ACS_PORT", "7547",
            "Port of the CWMP (TR-069) ACS endpoint devices open sessions to; 0 picks a free port, -1 turns it off."),
    CWMP_CONNECTED_WINDOW("--cwmp-connected-window", "CPE_CWMP_CONNECTED_WINDOW", "15m",
            "Least silence after which a CWMP device counts as not connected (Connected=False); a device whose "
                    + "periodic Inform interval is longer gets 2.5 of its own intervals."),
    ACS_TLS_PORT("--acs-tls-port", "CPE_ACS_TLS_PORT", "-1",
            "Port of the ACS's HTTPS listener (TR-069 wants HTTPS towards the ACS in production); -1 turns it off, "
                    + "0 picks a free port. Needs --acs-tls-keystore."),
    ACS_TLS_KEYSTORE("--acs-tls-keystore", "CPE_ACS_TLS_KEYSTORE", "",
            "PKCS12 file with the ACS's server certificate and private key, for --acs-tls-port."),
    ACS_TLS_KEYSTORE_PASSWORD("--acs-tls-keystore-password", "CPE_ACS_TLS_KEYSTORE_PASSWORD", "",
            "Password of --acs-tls-keystore. Prefer the environment variable (from a Kubernetes Secret): a flag is "
                    + "visible in the process list."),
    ACS_AUTH("--acs-auth", "CPE_ACS_AUTH", "open",
            "How CWMP devices authenticate to the ACS: open (discovery: devices without credentials or with an "
                    + "unknown username are let in, a known username must present its password) or strict (every "
                    + "session needs credentials from --cpe-credentials-file)."),
    CPE_CREDENTIALS_FILE("--cpe-credentials-file", "CPE_CPE_CREDENTIALS_FILE", "",
            "File with the credentials CWMP devices present to the ACS (their ManagementServer.Username/Password), "
                    + "one per line: username:password, or username:password:OUI-ProductClass-Serial to bind it to "
                    + "one device; # comments and blank lines allowed. Re-read when it changes (a mounted Secret)."),
    MQTT_PORT("--mqtt-port", "CPE_MQTT_PORT", "1883",
            "Port of the embedded MQTT broker USP agents connect to (unless --mqtt-url names an external one); "
                    + "0 picks a free port."),
    MQTT_URL("--mqtt-url", "CPE_MQTT_URL", "",
            "External MQTT broker for USP, e.g. tcp://broker:1883; empty starts the embedded broker."),
    CR_USERNAME("--cr-username", "CPE_CR_USERNAME", "",
            "Username the ACS presents when it asks a CWMP device for a session (Connection Request), i.e. the "
                    + "devices' ManagementServer.ConnectionRequestUsername; empty sends Connection Requests without "
                    + "credentials (with --simulate: generated ones)."),
    CR_PASSWORD("--cr-password", "CPE_CR_PASSWORD", "",
            "Password for --cr-username. Prefer the environment variable (from a Kubernetes Secret): a flag is "
                    + "visible in the process list."),
    CR_PER_SECOND("--cr-per-second", "CPE_CR_PER_SECOND", "50",
            "Connection Requests the ACS sends per second, fleet-wide (a change to the whole fleet must not become a "
                    + "flood of sessions); devices beyond it are asked, in order, as soon as the rate allows."),
    CONTROLLER_ID("--controller-id", "CPE_CONTROLLER_ID", "self::cpe-operator",
            "USP endpoint ID of the operator's controller."),
    USP_HEARTBEAT_INTERVAL("--usp-heartbeat-interval", "CPE_USP_HEARTBEAT_INTERVAL", "5m",
            "How often USP agents send the controller a Device.LocalAgent.Periodic! heartbeat (their "
                    + "PeriodicNotifInterval, set at onboarding): a restarted operator reaches a silent agent at its "
                    + "next heartbeat, and an agent silent for 2.5 heartbeats is reported Connected=False."),
    SIMULATE("--simulate", "CPE_SIMULATE", "0",
            "Start this many simulated devices in the process, speaking CWMP and USP to the operator's own "
                    + "endpoints (a living fleet without hardware)."),
    SIMULATE_MIX("--simulate-mix", "CPE_SIMULATE_MIX", "cwmp=50,usp=50",
            "Protocol mix of the simulated devices, e.g. cwmp=50,usp=40,usp-mqtt3=10."),
    SIMULATE_SCENARIOS("--simulate-scenarios", "CPE_SIMULATE_SCENARIOS", "",
            "Troubles of the simulated devices, e.g. interference=10%,reboot-loop=2%,overheating=3.");

    private final String flag;
    private final String env;
    private final String defaultValue;
    private final String description;

    ConfigOption(String flag, String env, String defaultValue, String description) {
        this.flag = flag;
        this.env = env;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    public String env() {
        return env;
    }

    /** Null for switches (present or absent). */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean isSwitch() {
        return defaultValue == null;
    }
}
