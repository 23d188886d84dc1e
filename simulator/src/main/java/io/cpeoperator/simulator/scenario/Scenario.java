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
            "all telemetry within normal ranges, below every QoE threshold at any time",
            List.of()),
    WEAK_SIGNAL("weak-signal", "some Wi-Fi clients are far from the access point",
            "Device.WiFi.AccessPoint.*.AssociatedDevice.1..2.SignalStrength at -88..-78 dBm, low LastDataDownlinkRate "
                    + "(TR-181 only)",
            List.of("WifiWeakClientSignal")),
    INTERFERENCE("interference", "congested / co-channel-interfered 2.4 GHz channel",
            "on the 2.4 GHz radio (whatever its number): 10+ NeighboringWiFiDiagnostic.Result.* at -62..-40 dBm on its "
                    + "Channel, ChannelUtilization 75..95, Stats.Noise -88..-82, high Stats.ErrorsSent; high Retransmissions "
                    + "on the 2.4 GHz access points (TR-181 only)",
            List.of("WifiChannelCongested")),
    HIGH_NOISE("high-noise", "high noise floor on the 5 GHz radio",
            "Stats.Noise of the 5 GHz radio(s), whatever their number, at -72..-65 dBm (normal -97..-92); "
                    + "AssociatedDevice.*.Noise on 5 GHz access points likewise (TR-181 only)",
            List.of("WifiHighNoise")),
    STICKY_2G("sticky-2g", "5 GHz-capable clients stuck on 2.4 GHz",
            "2.4 GHz home access point (SSIDReference -> SSID.LowerLayers -> radio band): AssociatedDevice.1..4 with "
                    + "X_CPEOP_SupportedFrequencyBands 2.4GHz,5GHz and SignalStrength -52..-34 while the 5 GHz radio is Up "
                    + "(healthy dual-band clients stay on 2.4 GHz only at -72..-69) (TR-181 only)",
            List.of("WifiBandSteeringMissed")),
    CPU_OVERLOAD("cpu-overload", "a runaway process keeps the CPU busy",
            "Device.DeviceInfo.ProcessStatus.CPUUsage 90..100; one Process.* with high CPUTime growth",
            List.of("CpuOverload")),
    MEMORY_LEAK("memory-leak", "free memory falls with uptime until reboot",
            "DeviceInfo.MemoryStatus.Free falls with UpTime, 18% of Total per day; leaking devices start at least 3.5 days "
                    + "up, so at most 2% of Total is free",
            List.of("MemoryPressure")),
    OVERHEATING("overheating", "the SoC runs hot",
            "Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value 88..98 above HighAlarmValue 85; HighAlarmTime set",
            List.of("Overheating")),
    WAN_LOSS("wan-loss", "packet loss and latency on the WAN",
            "Device.IP.Diagnostics.IPPing. / InternetGatewayDevice.IPPingDiagnostics. FailureCount 2..4 of 10, "
                    + "AverageResponseTime 180..400 ms (healthy: 0 failures, under 35 ms); "
                    + "UDPEcho likewise; IP.Interface.1.Stats.ErrorsReceived/DiscardPacketsReceived grow fast",
            List.of("WanPacketLoss", "WanHighLatency")),
    PPPOE_FLAPS("pppoe-flaps", "the PPPoE session drops every few minutes",
            "Device.PPP.Interface.1.LastChange under 240 s and resetting while UpTime is over an hour, "
                    + "LastConnectionError ERROR_ISP_TIME_OUT, "
                    + "ConnectionStatus sometimes Connecting",
            List.of("PppoeFlapping")),
    DHCP_CHURN("dhcp-churn", "LAN clients renew or change leases constantly",
            "Device.Hosts.Host.* and DHCPv4.Server.Pool.1.Client.* with LeaseTimeRemaining < 120 s and MACs/IPs changing "
                    + "every few minutes; Pool.1.LeaseTime 120",
            List.of("DhcpChurn")),
    REBOOT_LOOP("reboot-loop", "the device reboots every few minutes on a buggy firmware version",
            "DeviceInfo.UpTime never above ~600 s, Reboots.WatchdogBootCount 3 or more and growing, Boot events; "
                    + "only while SoftwareVersion is the model's buggy version",
            List.of("RebootLoop")),
    MESH_BACKHAUL("mesh-backhaul", "a mesh node with a poor wireless backhaul",
            "Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.Stats.SignalStrength (RCPI) 40..70, "
                    + "LastDataDownlinkRate < 60000 kbps",
            List.of("MeshBackhaulWeak")),
    BAD_ACCESS_NODE("bad-access-node", "the access node (OLT / DSLAM) a group of devices hangs off is failing",
            "every device of the chosen node(s) (ground truth accessNode, and badAccessNodes of the fleet) shows the "
                    + "wan-loss signature at once: IPPing FailureCount 2..4 of 10, AverageResponseTime 180..400 ms, WAN "
                    + "ErrorsReceived growing fast; devices of other nodes keep a healthy WAN. bad-access-node=N picks N "
                    + "nodes (N% a share of the nodes, @i the node of device i)",
            List.of("WanPacketLoss", "WanHighLatency")),
    EVENING_PEAK("evening-peak", "the household's usage peaks in the evening",
            "associated Wi-Fi clients (AccessPoint 1..2) and every byte / packet counter follow the hour of day of the "
                    + "simulated clock (UTC): busiest from " + Peaks.BUSY_FROM_HOUR + ":00 to " + Peaks.BUSY_TO_HOUR
                    + ":00 (up to 7 clients per access point, counters growing 10x faster), quiet at night (1..2 clients)",
            List.of()),
    RECURRING_INTERFERENCE("recurring-interference", "the 2.4 GHz channel is congested at the same hours every day",
            "the interference signature on the device's own 2.4 GHz Channel (ChannelUtilization 75..95, Noise -88..-82, "
                    + "10+ strong neighbours on that channel, high Retransmissions) only from "
                    + Peaks.INTERFERENCE_FROM_HOUR + ":00 to " + Peaks.INTERFERENCE_TO_HOUR + ":00 UTC of the simulated "
                    + "clock, a healthy radio the rest of the day (TR-181 only); a one-snapshot analysis raises "
                    + "WifiChannelCongested only within those hours, so no finding is expected of every snapshot: the "
                    + "fleet truth (recurringInterference, recurringInterferenceHours) is what to score against",
            List.of());

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
