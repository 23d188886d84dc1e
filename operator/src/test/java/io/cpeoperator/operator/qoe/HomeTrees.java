package io.cpeoperator.operator.qoe;

import io.cpeoperator.bridge.device.DeviceIdentity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic parameter trees of a healthy home for the QoE tests, TR-181 and TR-098, with one method per aspect to
 * degrade, so each test changes exactly what it is about.
 *
 * <p>The TR-181 home numbers its radios the way many devices do: {@code Radio.1} is 5 GHz (channel 36, 80 MHz) and
 * {@code Radio.2} is 2.4 GHz (channel 1, 20 MHz). AccessPoint.1 → SSID.1 → Radio.2 (one 2.4 GHz client, an IoT device
 * that cannot use 5 GHz); AccessPoint.2 → SSID.2 → Radio.1 (two 5 GHz clients). The WAN is {@code IP.Interface.2}
 * over {@code PPP.Interface.1}.
 */
public final class HomeTrees {

    public static final String RADIO_5G = "Device.WiFi.Radio.1.";
    public static final String RADIO_24G = "Device.WiFi.Radio.2.";
    public static final String AP_24G = "Device.WiFi.AccessPoint.1.";
    public static final String AP_5G = "Device.WiFi.AccessPoint.2.";
    public static final String CLIENT_24G = AP_24G + "AssociatedDevice.1.";
    public static final String CLIENT_5G_A = AP_5G + "AssociatedDevice.1.";
    public static final String CLIENT_5G_B = AP_5G + "AssociatedDevice.2.";
    public static final String SCAN = "Device.WiFi.NeighboringWiFiDiagnostic.";
    public static final String WAN = "Device.IP.Interface.2.";
    public static final String PING = "Device.IP.Diagnostics.IPPing.";
    public static final String PPP = "Device.PPP.Interface.1.";
    public static final String POOL = "Device.DHCPv4.Server.Pool.1.";
    public static final String INFO = "Device.DeviceInfo.";
    public static final String SENSOR = INFO + "TemperatureStatus.TemperatureSensor.1.";
    public static final String BACKHAUL = "Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.";

    public static final String IGD = "InternetGatewayDevice.";
    public static final String TR098_WLAN_24G = IGD + "LANDevice.1.WLANConfiguration.1.";
    public static final String TR098_WLAN_5G = IGD + "LANDevice.1.WLANConfiguration.2.";
    public static final String TR098_PPP = IGD + "WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.";
    public static final String TR098_PING = IGD + "IPPingDiagnostics.";
    public static final String TR098_LAN_HOST = IGD + "LANDevice.1.LANHostConfigManagement.";

    private final Map<String, String> tree = new LinkedHashMap<>();

    private HomeTrees() {
    }

    public Map<String, String> tree() {
        return new LinkedHashMap<>(tree);
    }

    public HomeTrees set(String path, String value) {
        tree.put(path, value);
        return this;
    }

    /** Removes the parameter, or everything below a partial path (ending in '.'). */
    public HomeTrees remove(String pathOrPrefix) {
        if (pathOrPrefix.endsWith(".")) {
            tree.keySet().removeIf(p -> p.startsWith(pathOrPrefix));
        } else {
            tree.remove(pathOrPrefix);
        }
        return this;
    }

    /** A healthy TR-181 home: every check can judge except CPU, which needs a second reading. */
    public static HomeTrees tr181(DeviceIdentity identity) {
        HomeTrees home = new HomeTrees();
        home.set(INFO + "Manufacturer", identity.manufacturer())
                .set(INFO + "ModelName", identity.modelName())
                .set(INFO + "SerialNumber", identity.serialNumber())
                .set(INFO + "SoftwareVersion", identity.softwareVersion())
                .set(INFO + "UpTime", "86400")
                .set(INFO + "Reboots.BootCount", "3")
                .set(INFO + "ProcessStatus.CPUUsage", "12")
                .set(INFO + "MemoryStatus.Total", "524288")
                .set(INFO + "MemoryStatus.Free", "262144")
                .set(SENSOR + "Enable", "true")
                .set(SENSOR + "Name", "SoC")
                .set(SENSOR + "Value", "52")
                .set(SENSOR + "HighAlarmValue", "95");
        // radios: 5 GHz first, as many devices number them
        home.set(RADIO_5G + "Enable", "true").set(RADIO_5G + "Status", "Up")
                .set(RADIO_5G + "OperatingFrequencyBand", "5GHz").set(RADIO_5G + "Channel", "36")
                .set(RADIO_5G + "CurrentOperatingChannelBandwidth", "80MHz")
                .set(RADIO_5G + "PossibleChannels", "36,40,44,48,52,56,60,64,100,104,108,112,116,120,124,128,132,"
                        + "136,140,149,153,157,161")
                .set(RADIO_5G + "Stats.Noise", "-92");
        home.set(RADIO_24G + "Enable", "true").set(RADIO_24G + "Status", "Up")
                .set(RADIO_24G + "OperatingFrequencyBand", "2.4GHz").set(RADIO_24G + "Channel", "1")
                .set(RADIO_24G + "CurrentOperatingChannelBandwidth", "20MHz")
                .set(RADIO_24G + "PossibleChannels", "1-13")
                .set(RADIO_24G + "Stats.Noise", "-90");
        home.set("Device.WiFi.SSID.1.SSID", "home").set("Device.WiFi.SSID.1.LowerLayers", RADIO_24G)
                .set("Device.WiFi.SSID.2.SSID", "home-5g").set("Device.WiFi.SSID.2.LowerLayers", RADIO_5G);
        home.set(AP_24G + "Enable", "true").set(AP_24G + "SSIDReference", "Device.WiFi.SSID.1.")
                .set(AP_24G + "AssociatedDeviceNumberOfEntries", "1");
        home.set(AP_5G + "Enable", "true").set(AP_5G + "SSIDReference", "Device.WiFi.SSID.2.")
                .set(AP_5G + "AssociatedDeviceNumberOfEntries", "2");
        home.client(CLIENT_24G, "aa:bb:cc:00:00:01", -58, 72000, "n", 20, 10000)
                .set(CLIENT_24G + "X_ACME_SupportedFrequencyBands", "2.4GHz");
        home.client(CLIENT_5G_A, "aa:bb:cc:00:00:02", -55, 650000, "ac", 30, 20000);
        home.client(CLIENT_5G_B, "aa:bb:cc:00:00:03", -62, 720500, "ax", 40, 20000);
        // the neighbour scan: nothing strong near the channels in use
        home.set(SCAN + "DiagnosticsState", "Complete");
        home.neighbor(1, RADIO_24G, "2.4GHz", 6, -72)
                .neighbor(2, RADIO_24G, "2.4GHz", 11, -80)
                .neighbor(3, RADIO_24G, "2.4GHz", 1, -85)
                .neighbor(4, RADIO_5G, "5GHz", 44, -78);
        // the WAN
        home.set("Device.IP.Interface.1.Name", "br-lan").set("Device.IP.Interface.1.Status", "Up");
        home.set(WAN + "Name", "wan0").set(WAN + "Status", "Up").set(WAN + "LowerLayers", PPP)
                .set(WAN + "IPv4Address.1.IPAddress", "203.0.113.7")
                .set(WAN + "Stats.PacketsReceived", "5000000")
                .set(WAN + "Stats.ErrorsReceived", "12")
                .set(WAN + "Stats.DiscardPacketsReceived", "3");
        home.set(PPP + "Enable", "true").set(PPP + "Status", "Up").set(PPP + "ConnectionStatus", "Connected")
                .set(PPP + "LastChange", "86000").set(PPP + "LastConnectionError", "ERROR_NONE");
        home.ping(20, 0, 18);
        home.set(POOL + "Enable", "true").set(POOL + "LeaseTime", "86400");
        home.set("Device.Hosts.Host.1.LeaseTimeRemaining", "80000")
                .set("Device.Hosts.Host.2.LeaseTimeRemaining", "43000")
                .set("Device.Hosts.Host.3.LeaseTimeRemaining", "3000");
        return home;
    }

    /** A healthy TR-098 home: two WLANConfigurations with clients (rates in Mbps, no signal), PPP, ping, DHCP. */
    public static HomeTrees tr098(DeviceIdentity identity) {
        HomeTrees home = new HomeTrees();
        String info = IGD + "DeviceInfo.";
        home.set(info + "Manufacturer", identity.manufacturer())
                .set(info + "ModelName", identity.modelName())
                .set(info + "SoftwareVersion", identity.softwareVersion())
                .set(info + "UpTime", "90000")
                .set(info + "ProcessStatus.CPUUsage", "15")
                .set(info + "MemoryStatus.Total", "131072")
                .set(info + "MemoryStatus.Free", "65536");
        home.set(IGD + "WANDevice.1.WANCommonInterfaceConfig.WANAccessType", "DSL");
        home.set(TR098_PPP + "Enable", "1").set(TR098_PPP + "ConnectionStatus", "Connected")
                .set(TR098_PPP + "Uptime", "89000").set(TR098_PPP + "LastConnectionError", "ERROR_NONE")
                .set(TR098_PPP + "ExternalIPAddress", "198.51.100.20");
        home.set(TR098_PING + "DiagnosticsState", "Complete").set(TR098_PING + "Host", "probe.example.net")
                .set(TR098_PING + "NumberOfRepetitions", "10").set(TR098_PING + "SuccessCount", "10")
                .set(TR098_PING + "FailureCount", "0").set(TR098_PING + "AverageResponseTime", "24");
        home.set(TR098_LAN_HOST + "DHCPServerEnable", "1").set(TR098_LAN_HOST + "DHCPLeaseTime", "86400");
        home.set(IGD + "LANDevice.1.Hosts.Host.1.LeaseTimeRemaining", "70000");
        home.set(TR098_WLAN_24G + "Enable", "1").set(TR098_WLAN_24G + "Status", "Up")
                .set(TR098_WLAN_24G + "Channel", "6").set(TR098_WLAN_24G + "SSID", "home")
                .set(TR098_WLAN_24G + "TotalAssociations", "1")
                .set(TR098_WLAN_24G + "AssociatedDevice.1.AssociatedDeviceMACAddress", "aa:bb:cc:00:01:01")
                .set(TR098_WLAN_24G + "AssociatedDevice.1.LastDataTransmitRate", "72");
        home.set(TR098_WLAN_5G + "Enable", "1").set(TR098_WLAN_5G + "Status", "Up")
                .set(TR098_WLAN_5G + "Channel", "36").set(TR098_WLAN_5G + "SSID", "home-5g")
                .set(TR098_WLAN_5G + "OperatingChannelBandwidth", "80MHz")
                .set(TR098_WLAN_5G + "TotalAssociations", "1")
                .set(TR098_WLAN_5G + "AssociatedDevice.1.AssociatedDeviceMACAddress", "aa:bb:cc:00:01:02")
                .set(TR098_WLAN_5G + "AssociatedDevice.1.LastDataTransmitRate", "520");
        return home;
    }

    // --- building blocks ---

    public HomeTrees client(String row, String mac, int signalDbm, int downlinkKbps, String standard,
                            int retransmissions, int packetsSent) {
        return set(row + "MACAddress", mac).set(row + "Active", "true")
                .set(row + "SignalStrength", Integer.toString(signalDbm))
                .set(row + "Noise", "-92")
                .set(row + "LastDataDownlinkRate", Integer.toString(downlinkKbps))
                .set(row + "OperatingStandard", standard)
                .set(row + "Retransmissions", Integer.toString(retransmissions))
                .set(row + "Stats.PacketsSent", Integer.toString(packetsSent));
    }

    /** A neighbouring network; {@code radio} null for a result that does not say which radio saw it. */
    public HomeTrees neighbor(int index, String radio, String band, int channel, int signalDbm) {
        String result = SCAN + "Result." + index + ".";
        if (radio != null) {
            set(result + "Radio", radio);
        }
        if (band != null) {
            set(result + "OperatingFrequencyBand", band);
        }
        return set(result + "SSID", "neighbour-" + index).set(result + "Channel", Integer.toString(channel))
                .set(result + "SignalStrength", Integer.toString(signalDbm));
    }

    public HomeTrees ping(int successes, int failures, int averageMs) {
        return set(PING + "DiagnosticsState", "Complete").set(PING + "Host", "probe.example.net")
                .set(PING + "Interface", WAN)
                .set(PING + "NumberOfRepetitions", Integer.toString(successes + failures))
                .set(PING + "SuccessCount", Integer.toString(successes))
                .set(PING + "FailureCount", Integer.toString(failures))
                .set(PING + "AverageResponseTime", Integer.toString(averageMs));
    }

    // --- one aspect degraded at a time ---

    public HomeTrees weakClient(String row, int signalDbm) {
        return set(row + "SignalStrength", Integer.toString(signalDbm));
    }

    public HomeTrees noWifi() {
        return remove("Device.WiFi.");
    }

    public HomeTrees noClients() {
        return remove(AP_24G + "AssociatedDevice.").remove(AP_5G + "AssociatedDevice.")
                .set(AP_24G + "AssociatedDeviceNumberOfEntries", "0")
                .set(AP_5G + "AssociatedDeviceNumberOfEntries", "0");
    }

    public HomeTrees radioNoise(String radio, int dbm) {
        return set(radio + "Stats.Noise", Integer.toString(dbm));
    }

    public HomeTrees cpu(int percent) {
        return set(INFO + "ProcessStatus.CPUUsage", Integer.toString(percent));
    }

    public HomeTrees memory(long totalKib, long freeKib) {
        return set(INFO + "MemoryStatus.Total", Long.toString(totalKib))
                .set(INFO + "MemoryStatus.Free", Long.toString(freeKib));
    }

    public HomeTrees temperature(int celsius, Integer highAlarm) {
        set(SENSOR + "Value", Integer.toString(celsius));
        return highAlarm == null ? remove(SENSOR + "HighAlarmValue")
                : set(SENSOR + "HighAlarmValue", Integer.toString(highAlarm));
    }

    public HomeTrees uptime(long seconds) {
        return set(INFO + "UpTime", Long.toString(seconds));
    }

    public HomeTrees leaseTime(long seconds) {
        return set(POOL + "LeaseTime", Long.toString(seconds));
    }

    public HomeTrees mesh(int rcpi, long rateKbps) {
        return set(BACKHAUL + "LinkType", "Wi-Fi").set(BACKHAUL + "MACAddress", "aa:bb:cc:00:10:01")
                .set(BACKHAUL + "Stats.SignalStrength", Integer.toString(rcpi))
                .set(BACKHAUL + "Stats.LastDataDownlinkRate", Long.toString(rateKbps));
    }
}
