package io.cpeoperator.benchmarks.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic TR-181 devices for the twin benchmarks: 5 models x 2 firmware versions, each device with
 * exactly {@code parametersPerDevice} parameters shaped like a real gateway's tree — multi-instance tables whose
 * instance numbers differ per device (hosts come and go, so numbers have gaps), MAC addresses, IP addresses,
 * timestamps, byte and packet counters, enums, short and long strings, path references. Every path and value is a
 * fresh string, as it would be after parsing a message from the wire.
 */
final class SyntheticFleet {

    static final int MODELS = 5;
    static final int FIRMWARES = 2;
    private static final String[] VENDORS = {"ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI"};
    private static final String[] OUIS = {"00D09E", "A0B1C2", "3C4D5E", "F01234", "9C8B7A"};

    private final int parametersPerDevice;

    SyntheticFleet(int parametersPerDevice) {
        this.parametersPerDevice = parametersPerDevice;
    }

    static int model(int device) {
        return device % MODELS;
    }

    static int firmware(int device) {
        return (device / MODELS) % FIRMWARES;
    }

    static DeviceId id(int device) {
        int model = model(device);
        return DeviceId.cwmp(OUIS[model], VENDORS[model] + "-GW" + (model + 1), "SN" + (100_000_000 + device));
    }

    static TwinSchemaKey schema(int device) {
        int model = model(device);
        return new TwinSchemaKey(OUIS[model], VENDORS[model] + "-GW" + (model + 1), firmwareVersion(device));
    }

    private static String firmwareVersion(int device) {
        return (3 + model(device)) + "." + (firmware(device) == 0 ? "1.12" : "2.04") + "-build" + (100 + model(device));
    }

    /** The full parameter list of one device. */
    List<ParameterValue> device(int device) {
        Builder b = new Builder(device, parametersPerDevice);
        b.deviceInfo();
        b.managementServer();
        b.ethernet();
        b.ip();
        b.wifi();
        b.hosts();
        b.neighbours();
        b.voice();
        b.dhcp();
        b.nat();
        b.routing();
        b.vendorTelemetry();
        return b.values;
    }

    /** Builds one device's parameters; the random source is seeded by the device number. */
    private static final class Builder {
        private final int device;
        private final int model;
        private final int target;
        private final Random random;
        private final List<ParameterValue> values;
        private final boolean upperMac;
        private final long now = 1_795_000_000L;

        Builder(int device, int target) {
            this.device = device;
            this.model = model(device);
            this.target = target;
            this.random = new Random(device * 31L + 7);
            this.values = new ArrayList<>(target);
            this.upperMac = model % 2 == 0;
        }

        private boolean full() {
            return values.size() >= target;
        }

        private void add(String path, String value, ParameterType type, boolean writable) {
            if (!full()) {
                values.add(new ParameterValue(path, value, type, writable));
            }
        }

        private void str(String path, String value) {
            add(path, value, ParameterType.STRING, false);
        }

        private void rwStr(String path, String value) {
            add(path, value, ParameterType.STRING, true);
        }

        private void bool(String path, boolean value) {
            add(path, value ? (model == 3 ? "1" : "true") : (model == 3 ? "0" : "false"), ParameterType.BOOLEAN,
                    true);
        }

        private void uint(String path, long value) {
            add(path, Long.toString(value), ParameterType.UNSIGNED_INT, false);
        }

        private void counter(String path) {
            add(path, Long.toString((long) (random.nextDouble() * random.nextDouble() * 4e11)),
                    ParameterType.UNSIGNED_LONG, false);
        }

        private void integer(String path, int value) {
            add(path, Integer.toString(value), ParameterType.INT, false);
        }

        private void time(String path) {
            long t = now - random.nextInt(90 * 86_400);
            add(path, java.time.Instant.ofEpochSecond(t).toString(), ParameterType.DATE_TIME, false);
        }

        private String mac() {
            StringBuilder s = new StringBuilder(17);
            for (int i = 0; i < 6; i++) {
                int octet = i < 3 ? (model * 40 + i * 7) & 0xff : random.nextInt(256);
                String hex = Integer.toHexString(0x100 | octet).substring(1);
                s.append(upperMac ? hex.toUpperCase() : hex);
                if (i < 5) {
                    s.append(':');
                }
            }
            return s.toString();
        }

        private String ip(int third) {
            return "192.168." + third + "." + (2 + random.nextInt(250));
        }

        private static String status(boolean up) {
            return up ? "Up" : "Down";
        }

        void deviceInfo() {
            String p = "Device.DeviceInfo.";
            str(p + "Manufacturer", VENDORS[model] + " Networks GmbH");
            str(p + "ManufacturerOUI", OUIS[model]);
            str(p + "ModelName", VENDORS[model] + "-GW" + (model + 1));
            str(p + "Description", VENDORS[model] + " dual-band Wi-Fi 6 home gateway with VoIP");
            str(p + "ProductClass", VENDORS[model] + "-GW" + (model + 1));
            str(p + "SerialNumber", "SN" + (100_000_000 + device));
            str(p + "HardwareVersion", "HW" + (model + 1) + ".0");
            str(p + "SoftwareVersion", firmwareVersion(device));
            uint(p + "UpTime", random.nextInt(3_000_000));
            time(p + "FirstUseDate");
            rwStr(p + "ProvisioningCode", "RES.FTTH." + (device % 7));
            uint(p + "MemoryStatus.Total", 524_288);
            uint(p + "MemoryStatus.Free", 100_000 + random.nextInt(300_000));
            uint(p + "ProcessStatus.CPUUsage", random.nextInt(100));
            for (int i = 1; i <= 3; i++) {
                String t = p + "TemperatureStatus.TemperatureSensor." + i + ".";
                bool(t + "Enable", true);
                str(t + "Status", "Enabled");
                str(t + "Name", i == 1 ? "CPU" : i == 2 ? "WiFi2G" : "WiFi5G");
                integer(t + "Value", 40 + random.nextInt(30));
                time(t + "LastUpdate");
            }
        }

        void managementServer() {
            String p = "Device.ManagementServer.";
            rwStr(p + "URL", "https://acs.example-isp.net:7547/cwmp");
            rwStr(p + "Username", OUIS[model] + "-" + (100_000_000 + device));
            bool(p + "PeriodicInformEnable", true);
            add(p + "PeriodicInformInterval", "300", ParameterType.UNSIGNED_INT, true);
            time(p + "PeriodicInformTime");
            str(p + "ParameterKey", "cfg-" + random.nextInt(1000));
            str(p + "ConnectionRequestURL", "http://10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + ":7547/" + Integer.toHexString(random.nextInt()));
            bool(p + "UpgradesManaged", false);
        }

        void ethernet() {
            int interfaces = 4 + model % 2;
            for (int i = 1; i <= interfaces; i++) {
                String p = "Device.Ethernet.Interface." + i + ".";
                bool(p + "Enable", true);
                boolean up = random.nextInt(3) > 0;
                str(p + "Status", status(up));
                str(p + "Name", i == 1 ? "eth0.wan" : "eth" + (i - 1));
                time(p + "LastChange");
                bool(p + "Upstream", i == 1);
                str(p + "MACAddress", mac());
                integer(p + "MaxBitRate", i == 1 ? 10000 : 1000);
                integer(p + "CurrentBitRate", up ? 1000 : 0);
                str(p + "DuplexMode", "Auto");
                stats(p + "Stats.");
            }
        }

        private void stats(String p) {
            counter(p + "BytesSent");
            counter(p + "BytesReceived");
            counter(p + "PacketsSent");
            counter(p + "PacketsReceived");
            uint(p + "ErrorsSent", random.nextInt(10));
            uint(p + "ErrorsReceived", random.nextInt(50));
            counter(p + "UnicastPacketsSent");
            counter(p + "UnicastPacketsReceived");
            uint(p + "DiscardPacketsSent", 0);
            uint(p + "DiscardPacketsReceived", random.nextInt(5));
            counter(p + "MulticastPacketsSent");
            counter(p + "MulticastPacketsReceived");
            counter(p + "BroadcastPacketsSent");
            counter(p + "BroadcastPacketsReceived");
        }

        void ip() {
            for (int i = 1; i <= 4; i++) {
                String p = "Device.IP.Interface." + i + ".";
                bool(p + "Enable", true);
                str(p + "Status", status(i != 4));
                str(p + "Name", i == 1 ? "wan" : "lan" + i);
                str(p + "LowerLayers", "Device.Ethernet.Link." + i);
                str(p + "Type", "Normal");
                for (int a = 1; a <= 2; a++) {
                    String q = p + "IPv4Address." + a + ".";
                    bool(q + "Enable", true);
                    str(q + "Status", "Enabled");
                    str(q + "IPAddress", i == 1 ? "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256)
                            + "." + random.nextInt(256) : ip(i));
                    str(q + "SubnetMask", "255.255.255.0");
                    str(q + "AddressingType", i == 1 ? "DHCP" : "Static");
                }
                for (int a = 1; a <= 3; a++) {
                    String q = p + "IPv6Address." + a + ".";
                    bool(q + "Enable", true);
                    str(q + "IPAddressStatus", "Preferred");
                    str(q + "IPAddress", "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::"
                            + Integer.toHexString(random.nextInt(65536)));
                    str(q + "Origin", "AutoConfigured");
                    time(q + "PreferredLifetime");
                    time(q + "ValidLifetime");
                }
                stats(p + "Stats.");
            }
        }

        void wifi() {
            int radios = model == 4 ? 3 : 2;
            for (int r = 1; r <= radios; r++) {
                String p = "Device.WiFi.Radio." + r + ".";
                bool(p + "Enable", true);
                str(p + "Status", "Up");
                str(p + "Name", "wl" + (r - 1));
                str(p + "OperatingFrequencyBand", r == 1 ? "2.4GHz" : r == 2 ? "5GHz" : "6GHz");
                str(p + "SupportedStandards", r == 1 ? "b,g,n,ax" : "a,n,ac,ax");
                rwStr(p + "OperatingStandards", r == 1 ? "g,n,ax" : "ac,ax");
                add(p + "Channel", Integer.toString(r == 1 ? 1 + random.nextInt(11) : 36 + 4 * random.nextInt(8)),
                        ParameterType.UNSIGNED_INT, true);
                bool(p + "AutoChannelEnable", true);
                rwStr(p + "OperatingChannelBandwidth", r == 1 ? "20MHz" : "80MHz");
                add(p + "TransmitPower", "100", ParameterType.INT, true);
                integer(p + "Stats.Noise", -90 + random.nextInt(15));
                stats(p + "Stats.");
                if (firmware(device) == 1) {
                    uint(p + "Stats.X_" + VENDORS[model] + "_ChannelUtilization", random.nextInt(100));
                    uint(p + "Stats.X_" + VENDORS[model] + "_Interference", random.nextInt(100));
                }
            }
            int ssids = 4 + 2 * (model % 3);
            for (int s = 1; s <= ssids; s++) {
                String p = "Device.WiFi.SSID." + s + ".";
                bool(p + "Enable", s <= 2);
                str(p + "Status", status(s <= 2));
                str(p + "LowerLayers", "Device.WiFi.Radio." + (1 + (s - 1) % radios));
                str(p + "BSSID", mac());
                str(p + "MACAddress", mac());
                rwStr(p + "SSID", s <= 2 ? "HomeNet-" + Integer.toHexString(0x1000 + random.nextInt(0xefff))
                        : "Guest" + s);
                stats(p + "Stats.");
            }
            for (int a = 1; a <= ssids; a++) {
                String p = "Device.WiFi.AccessPoint." + a + ".";
                bool(p + "Enable", a <= 2);
                str(p + "Status", a <= 2 ? "Enabled" : "Disabled");
                str(p + "SSIDReference", "Device.WiFi.SSID." + a);
                bool(p + "SSIDAdvertisementEnabled", true);
                uint(p + "MaxAssociatedDevices", 32);
                rwStr(p + "Security.ModeEnabled", "WPA2-Personal");
                rwStr(p + "Security.KeyPassphrase", "");
                uint(p + "Security.RekeyingInterval", 3600);
                bool(p + "WPS.Enable", false);
                int clients = a <= 2 ? 3 + random.nextInt(10) : 0;
                int number = 0;
                for (int c = 1; c <= clients; c++) {
                    number += 1 + random.nextInt(3);
                    String q = p + "AssociatedDevice." + number + ".";
                    str(q + "MACAddress", mac());
                    bool(q + "AuthenticationState", true);
                    uint(q + "LastDataDownlinkRate", 6_000 + random.nextInt(800_000));
                    uint(q + "LastDataUplinkRate", 6_000 + random.nextInt(400_000));
                    integer(q + "SignalStrength", -35 - random.nextInt(50));
                    uint(q + "Retransmissions", random.nextInt(500));
                    bool(q + "Active", true);
                    counter(q + "Stats.BytesSent");
                    counter(q + "Stats.BytesReceived");
                    counter(q + "Stats.PacketsSent");
                    counter(q + "Stats.PacketsReceived");
                    uint(q + "Stats.RetransCount", random.nextInt(1000));
                }
            }
        }

        void hosts() {
            int hosts = 20 + random.nextInt(40);
            int number = random.nextInt(30);
            for (int h = 0; h < hosts; h++) {
                number += 1 + random.nextInt(4);
                String p = "Device.Hosts.Host." + number + ".";
                str(p + "PhysAddress", mac());
                str(p + "IPAddress", ip(1));
                str(p + "AddressSource", "DHCP");
                str(p + "DHCPClient", "Device.DHCPv4.Server.Pool.1.Client." + number);
                uint(p + "LeaseTimeRemaining", random.nextInt(86_400));
                str(p + "Layer1Interface", random.nextBoolean() ? "Device.WiFi.SSID.1" : "Device.Ethernet.Interface.2");
                str(p + "Layer3Interface", "Device.IP.Interface.2");
                str(p + "HostName", random.nextBoolean() ? "android-" + Long.toHexString(random.nextLong())
                        : "Living-Room-TV");
                bool(p + "Active", random.nextInt(4) > 0);
                time(p + "ActiveLastChange");
                uint(p + "IPv4AddressNumberOfEntries", 1);
                str(p + "IPv4Address.1.IPAddress", ip(1));
                uint(p + "IPv6AddressNumberOfEntries", 1);
                str(p + "IPv6Address.1.IPAddress", "fe80::" + Integer.toHexString(random.nextInt(65536)) + ":"
                        + Integer.toHexString(random.nextInt(65536)));
            }
            uint("Device.Hosts.HostNumberOfEntries", hosts);
        }

        void neighbours() {
            String base = "Device.WiFi.NeighboringWiFiDiagnostic.";
            str(base + "DiagnosticsState", "Complete");
            int results = 20 + random.nextInt(25);
            uint(base + "ResultNumberOfEntries", results);
            for (int n = 1; n <= results; n++) {
                String p = base + "Result." + n + ".";
                boolean band24 = random.nextBoolean();
                str(p + "Radio", band24 ? "Device.WiFi.Radio.1" : "Device.WiFi.Radio.2");
                str(p + "SSID", random.nextInt(5) == 0 ? "" : "NET-" + Integer.toHexString(random.nextInt()));
                str(p + "BSSID", mac());
                str(p + "Mode", "Infrastructure");
                uint(p + "Channel", band24 ? 1 + random.nextInt(11) : 36 + 4 * random.nextInt(8));
                integer(p + "SignalStrength", -40 - random.nextInt(55));
                str(p + "SecurityModeEnabled", random.nextBoolean() ? "WPA2" : "WPA2-WPA3");
                str(p + "EncryptionMode", "AES");
                str(p + "OperatingFrequencyBand", band24 ? "2.4GHz" : "5GHz");
                str(p + "SupportedStandards", band24 ? "b,g,n" : "a,n,ac");
                str(p + "OperatingStandards", band24 ? "n" : "ac");
                str(p + "OperatingChannelBandwidth", band24 ? "20MHz" : "80MHz");
                uint(p + "BeaconPeriod", 100);
                integer(p + "Noise", -90 - random.nextInt(10));
                str(p + "BasicDataTransferRates", "1,2,5.5,11");
                uint(p + "DTIMPeriod", 3);
            }
        }

        void voice() {
            String p = "Device.Services.VoiceService.1.";
            bool(p + "Enable", true);
            for (int line = 1; line <= 2; line++) {
                String q = p + "SIP.Client." + line + ".";
                bool(q + "Enable", true);
                str(q + "Status", "Up");
                rwStr(q + "AuthUserName", "+4930" + (10_000_000 + random.nextInt(89_999_999)));
                rwStr(q + "AuthPassword", "");
                rwStr(q + "RegisterURI", "sip:voip.example-isp.net");
                uint(q + "RegisterExpires", 3600);
                String stats = p + "CallControl.Line." + line + ".Stats.";
                uint(stats + "IncomingCalls.CallsReceived", random.nextInt(2000));
                uint(stats + "IncomingCalls.CallsConnected", random.nextInt(2000));
                uint(stats + "IncomingCalls.CallsFailed", random.nextInt(20));
                uint(stats + "OutgoingCalls.CallsAttempted", random.nextInt(2000));
                uint(stats + "OutgoingCalls.CallsConnected", random.nextInt(2000));
                uint(stats + "OutgoingCalls.CallsFailed", random.nextInt(20));
                counter(stats + "RTP.PacketsSent");
                counter(stats + "RTP.PacketsReceived");
                uint(stats + "RTP.PacketsLost", random.nextInt(1000));
                uint(stats + "VoiceQuality.AverageRoundTripDelay", random.nextInt(200));
                uint(stats + "VoiceQuality.AverageReceiveInterarrivalJitter", random.nextInt(50));
            }
        }

        void dhcp() {
            String p = "Device.DHCPv4.Server.Pool.1.";
            bool(p + "Enable", true);
            str(p + "Status", "Enabled");
            str(p + "Interface", "Device.IP.Interface.2");
            rwStr(p + "MinAddress", "192.168.1.2");
            rwStr(p + "MaxAddress", "192.168.1.254");
            rwStr(p + "SubnetMask", "255.255.255.0");
            rwStr(p + "DNSServers", "192.168.1.1");
            rwStr(p + "DomainName", "home");
            rwStr(p + "IPRouters", "192.168.1.1");
            add(p + "LeaseTime", "86400", ParameterType.INT, true);
            for (int s = 1; s <= 3 + model; s++) {
                String q = p + "StaticAddress." + s + ".";
                bool(q + "Enable", true);
                rwStr(q + "Chaddr", mac());
                rwStr(q + "Yiaddr", ip(1));
            }
        }

        void nat() {
            for (int m = 1; m <= 4 + model * 2; m++) {
                String p = "Device.NAT.PortMapping." + m + ".";
                bool(p + "Enable", true);
                str(p + "Status", "Enabled");
                str(p + "Interface", "Device.IP.Interface.1");
                add(p + "ExternalPort", Integer.toString(1024 + random.nextInt(60_000)), ParameterType.UNSIGNED_INT,
                        true);
                add(p + "InternalPort", Integer.toString(1024 + random.nextInt(60_000)), ParameterType.UNSIGNED_INT,
                        true);
                rwStr(p + "Protocol", random.nextBoolean() ? "TCP" : "UDP");
                rwStr(p + "InternalClient", ip(1));
                rwStr(p + "Description", "port forward " + m);
            }
        }

        void routing() {
            for (int r = 1; r <= 6; r++) {
                String p = "Device.Routing.Router.1.IPv4Forwarding." + r + ".";
                bool(p + "Enable", true);
                str(p + "Status", "Enabled");
                bool(p + "StaticRoute", r > 2);
                str(p + "DestIPAddress", r == 1 ? "" : "10." + r + ".0.0");
                str(p + "DestSubnetMask", r == 1 ? "" : "255.255.0.0");
                str(p + "GatewayIPAddress", "100.64.0.1");
                str(p + "Interface", "Device.IP.Interface.1");
                integer(p + "ForwardingMetric", r);
            }
        }

        /** Fills up to the target with the kind of vendor telemetry tables gateways carry. */
        void vendorTelemetry() {
            String vendor = "Device.X_" + VENDORS[model] + "_Telemetry.";
            int sample = 0;
            while (!full()) {
                sample++;
                String p = vendor + "Sample." + sample + ".";
                time(p + "Timestamp");
                uint(p + "CPUUsage", random.nextInt(100));
                uint(p + "MemoryFree", 100_000 + random.nextInt(300_000));
                counter(p + "WANBytesReceived");
                counter(p + "WANBytesSent");
                integer(p + "Temperature", 40 + random.nextInt(30));
                str(p + "Event", random.nextInt(8) == 0 ? "ChannelChange" : "None");
            }
        }
    }
}
