package io.cpeoperator.simulator.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A condition a simulated device can suffer from, with the signature it leaves in the data model. The signature is
 * the ground truth QoE checks are scored against.
 */
public enum Scenario {
    HEALTHY("healthy", "control group: nothing wrong",
            "all telemetry within normal ranges",
            List.of()),
    WEAK_SIGNAL("weak-signal", "some Wi-Fi clients are far from the access point",
            "Device.WiFi.AccessPoint.*.AssociatedDevice.*.SignalStrength at -78..-88 dBm, low LastDataDownlinkRate",
            List.of("WifiWeakClientSignal")),
    INTERFERENCE("interference", "congested / co-channel-interfered 2.4 GHz channel",
            "Device.WiFi.NeighboringWiFiDiagnostic.Result.* with many strong networks on Radio.1.Channel; "
                    + "high AssociatedDevice.*.Retransmissions and Radio.1.Stats.ErrorsSent",
            List.of("WifiChannelCongested")),
    HIGH_NOISE("high-noise", "high noise floor on the 5 GHz radio",
            "Device.WiFi.Radio.2.Stats.Noise at -65..-72 dBm (normal -92..-97); AssociatedDevice.*.Noise likewise",
            List.of("WifiHighNoise")),
    STICKY_2G("sticky-2g", "5 GHz-capable clients stuck on 2.4 GHz",
            "clients on the 2.4 GHz access point with OperatingStandard ax/ac-capable (SupportedStandards lists a/ac/ax) "
                    + "and strong SignalStrength",
            List.of("WifiBandSteeringMissed")),
    CPU_OVERLOAD("cpu-overload", "a runaway process keeps the CPU busy",
            "Device.DeviceInfo.ProcessStatus.CPUUsage 90..100; one Process.* with high CPUTime growth",
            List.of("CpuOverload")),
    MEMORY_LEAK("memory-leak", "free memory falls with uptime until reboot",
            "Device.DeviceInfo.MemoryStatus.Free falls linearly with UpTime (below 10% of Total after ~3 days)",
            List.of("MemoryPressure")),
    OVERHEATING("overheating", "the SoC runs hot",
            "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value 88..98 above HighAlarmValue 85; HighAlarmTime set",
            List.of("Overheating")),
    WAN_LOSS("wan-loss", "packet loss and latency on the WAN",
            "Device.IP.Diagnostics.IPPing FailureCount 2..4 of 10, AverageResponseTime 180..400 ms; "
                    + "UDPEcho likewise; IP.Interface.1.Stats.ErrorsReceived/DiscardPacketsReceived grow fast",
            List.of("WanPacketLoss", "WanHighLatency")),
    PPPOE_FLAPS("pppoe-flaps", "the PPPoE session drops every few minutes",
            "Device.PPP.Interface.1.LastChange small and resetting, LastConnectionError ERROR_ISP_TIME_OUT, "
                    + "ConnectionStatus sometimes Connecting",
            List.of("PppoeFlapping")),
    DHCP_CHURN("dhcp-churn", "LAN clients renew or change leases constantly",
            "Device.Hosts.Host.* and DHCPv4.Server.Pool.1.Client.* with LeaseTimeRemaining < 120 s and MACs/IPs changing "
                    + "every few minutes; Pool.1.LeaseTime 120",
            List.of("DhcpChurn")),
    REBOOT_LOOP("reboot-loop", "the device reboots every few minutes on a buggy firmware version",
            "Device.DeviceInfo.UpTime never above ~600 s, Reboots.WatchdogBootCount growing, Boot events; "
                    + "only while SoftwareVersion is the model's buggy version",
            List.of("RebootLoop")),
    MESH_BACKHAUL("mesh-backhaul", "a mesh node with a poor wireless backhaul",
            "Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.Stats.SignalStrength (RCPI) 40..70, "
                    + "LastDataDownlinkRate < 60000 kbps",
            List.of("MeshBackhaulWeak"));

    private final String cliName;
    private final String description;
    private final String signature;
    private final List<String> expectedFindings;

    Scenario(String cliName, String description, String signature, List<String> expectedFindings) {
        this.cliName = cliName;
        this.description = description;
        this.signature = signature;
        this.expectedFindings = expectedFindings;
    }

    /** The name used on the command line and in the ground-truth file. */
    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Where and how the scenario shows in the data. */
    public String signature() {
        return signature;
    }

    /**
     * The QoE finding codes an analysis of one data-model snapshot must raise for a device with this condition; empty
     * for {@link #HEALTHY}. Plain strings, so the simulator does not depend on the operator.
     */
    public List<String> expectedFindings() {
        return expectedFindings;
    }

    /** The union of the scenarios' finding codes, sorted and without duplicates. */
    public static List<String> expectedFindings(Collection<Scenario> scenarios) {
        return scenarios.stream().flatMap(s -> s.expectedFindings.stream()).distinct().sorted().toList();
    }

    public static Scenario fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Scenario scenario : values()) {
            if (scenario.cliName.equals(wanted)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + names());
    }

    public static String names() {
        StringBuilder names = new StringBuilder();
        for (Scenario scenario : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(scenario.cliName);
        }
        return names.toString();
    }
}
