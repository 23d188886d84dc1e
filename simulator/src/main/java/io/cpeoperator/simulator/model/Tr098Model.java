package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/**
 * {@code InternetGatewayDevice.} (TR-098) for CWMP-only models. Wi-Fi client signal lives in a vendor extension,
 * as on real TR-098 gateways; the telemetry behind it is the same as in the TR-181 model.
 */
final class Tr098Model {

    private static final String ROOT = "InternetGatewayDevice.";

    private Tr098Model() {
    }

    static ModelSchema build(VendorModel model) {
        SchemaBuilder b = new SchemaBuilder(ROOT, "urn:broadband-forum-org:tr-098-1-8-0");
        b.object(ROOT)
                .ro("DeviceSummary", "InternetGatewayDevice:1.4[](Baseline:2, EthernetLAN:1, WiFiLAN:2, Time:2, IPPing:1)")
                .ro("LANDeviceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"))
                .ro("WANDeviceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        Tr181DeviceInfo.define(b, model, ROOT);
        b.object(ROOT + "DeviceInfo.").ro("SpecVersion", "1.0");
        ManagementSection.cwmp(b, ROOT);
        lan(b, model);
        wan(b);
        Tr098Services.define(b);
        BulkDataSection.define(b, ROOT, false, false);
        b.object(ROOT + "IPPingDiagnostics.")
                .rw("DiagnosticsState", STRING, ValueSource.constant("Complete"), ValueCheck.oneOf("None", "Requested", "Complete"))
                .rw("Interface", STRING, ValueSource.constant(ROOT + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"))
                .rw("Host", STRING, ValueSource.constant("8.8.8.8"))
                .rw("NumberOfRepetitions", UNSIGNED_INT, ValueSource.constant("10"), ValueCheck.range(1, 10_000))
                .rw("Timeout", UNSIGNED_INT, ValueSource.constant("1000"))
                .rw("DataBlockSize", UNSIGNED_INT, ValueSource.constant("64"), ValueCheck.range(1, 65535))
                .ro("SuccessCount", UNSIGNED_INT, d -> Integer.toString(10 - Telemetry.pingFailures(d, 10)))
                .ro("FailureCount", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingFailures(d, 10)))
                .ro("AverageResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d)))
                .ro("MinimumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 2 / 3))
                .ro("MaximumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 5 / 3));
        b.object(ROOT + "Time.")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .rw("NTPServer1", STRING, ValueSource.constant("pool.ntp.org"));
        return b.build();
    }

    private static void lan(SchemaBuilder b, VendorModel model) {
        String lan = ROOT + "LANDevice.1.";
        b.object(lan)
                .ro("LANEthernetInterfaceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("4"))
                .ro("LANWLANConfigurationNumberOfEntries", UNSIGNED_INT, ValueSource.constant("4"));
        String host = lan + "LANHostConfigManagement.";
        b.object(host)
                .rw("DHCPServerEnable", BOOLEAN, ValueSource.constant("true"))
                .rw("MinAddress", STRING, ValueSource.constant("192.168.1.100"))
                .rw("MaxAddress", STRING, ValueSource.constant("192.168.1.249"))
                .rw("SubnetMask", STRING, ValueSource.constant("255.255.255.0"))
                .rw("DNSServers", STRING, ValueSource.constant("192.168.1.1"))
                .rw("IPRouters", STRING, ValueSource.constant("192.168.1.1"))
                .rw("DHCPLeaseTime", INT, d -> d.has(Scenario.DHCP_CHURN) ? "120" : "86400");
        b.object(host + "IPInterface.1.")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .rw("IPInterfaceIPAddress", STRING, ValueSource.constant("192.168.1.1"))
                .rw("IPInterfaceSubnetMask", STRING, ValueSource.constant("255.255.255.0"));
        b.table(host + "DHCPConditionalServingPool.", 16, "PoolOrder")
                .column("Enable", BOOLEAN, true, "false")
                .column("PoolOrder", UNSIGNED_INT, true, "1")
                .column("VendorClassID", STRING, true, "")
                .column("MinAddress", STRING, true, "")
                .column("MaxAddress", STRING, true, "")
                .column("SubnetMask", STRING, true, "")
                .column("DHCPLeaseTime", INT, true, "86400")
                .done(List.of(Map.of("Enable", "true", "VendorClassID", "IPTV", "MinAddress", "192.168.1.50",
                        "MaxAddress", "192.168.1.60", "SubnetMask", "255.255.255.0")));
        for (int i = 1; i <= 4; i++) {
            int k = 600 + i * 10;
            boolean up = i == 1;
            b.object(lan + "LANEthernetInterfaceConfig." + i + ".")
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", up ? "Up" : "NoLink")
                    .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, 1 + k % 8))
                    .ro("MaxBitRate", "Auto")
                    .ro("Stats.BytesSent", UNSIGNED_INT, d -> Long.toString(up ? Telemetry.counter(d, k, 40_000) % 4_294_967_296L : 0))
                    .ro("Stats.BytesReceived", UNSIGNED_INT, d -> Long.toString(up ? Telemetry.counter(d, k + 1, 7_000) % 4_294_967_296L : 0))
                    .ro("Stats.PacketsSent", UNSIGNED_INT, d -> Long.toString(up ? Telemetry.counter(d, k, 30) : 0))
                    .ro("Stats.PacketsReceived", UNSIGNED_INT, d -> Long.toString(up ? Telemetry.counter(d, k + 1, 6) : 0));
        }
        for (int w = 1; w <= 4; w++) {
            wlan(b, model, lan, w);
        }
        b.object(lan + "Hosts.").ro("HostNumberOfEntries", UNSIGNED_INT, d -> Integer.toString(Tr181LanHosts.hostCount(d)));
        for (int slot = 0; slot < Telemetry.HOST_SLOTS; slot++) {
            int s = slot;
            b.object(lan + "Hosts.Host." + (slot + 1) + ".", d -> s < Tr181LanHosts.hostCount(d))
                    .ro("IPAddress", STRING, d -> Tr181LanHosts.hostAddress(d, s))
                    .ro("AddressSource", "DHCP")
                    .ro("LeaseTimeRemaining", INT, d -> Long.toString(Tr181LanHosts.leaseRemaining(d, s)))
                    .ro("MACAddress", STRING, d -> Telemetry.clientMac(d, s))
                    .ro("HostName", STRING, d -> "host-" + Math.floorMod(d.seed() + s, 1000))
                    .ro("InterfaceType", s < 16 ? "802.11" : "Ethernet")
                    .ro("Active", BOOLEAN, ValueSource.constant("true"));
        }
    }

    private static void wlan(SchemaBuilder b, VendorModel model, String lan, int w) {
        Band band = model.accessPointBand(w);
        boolean five = band != Band.GHZ_2_4;
        String prefix = lan + "WLANConfiguration." + w + ".";
        b.object(prefix)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Up")
                .ro("BSSID", STRING, d -> Telemetry.deviceMac(d, 8 + w))
                .ro("Name", "wl" + (w - 1))
                .ro("PossibleChannels", five ? "36-64,100-140" : "1-13")
                .ro("MaxBitRate", five ? "1733" : "300")
                .rw("SSIDAdvertisementEnabled", BOOLEAN, ValueSource.constant("true"))
                .rw("RadioEnabled", BOOLEAN, ValueSource.constant("true"))
                .rw("TransmitPower", UNSIGNED_INT, ValueSource.constant("100"), ValueCheck.range(0, 100))
                .rw("RegulatoryDomain", STRING, ValueSource.constant("DE "))
                .rw("WPAEncryptionModes", STRING, ValueSource.constant("AESEncryption"))
                .rw("IEEE11iEncryptionModes", STRING, ValueSource.constant("AESEncryption"))
                .rw("IEEE11iAuthenticationMode", STRING, ValueSource.constant("PSKAuthentication"))
                .rw("MACAddressControlEnabled", BOOLEAN, ValueSource.constant("false"))
                .ro("TotalPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 730 + w, 50)))
                .ro("TotalPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 740 + w, 12)))
                .rw("Channel", UNSIGNED_INT, ValueSource.constant(five ? "36" : "6"), five ? ValueCheck.oneOf("36", "40", "44", "48",
                        "52", "56", "60", "64", "100", "104", "108", "112", "116", "120", "124", "128", "132", "136", "140")
                        : ValueCheck.range(1, 13))
                .rw("AutoChannelEnable", BOOLEAN, ValueSource.constant("false"))
                .rw("SSID", STRING, d -> (w > 2 ? "Guest-" : "HomeNet-") + d.serialNumber().substring(Math.max(0, d.serialNumber().length() - 4)), ValueCheck.maxLength(32))
                .rw("BeaconType", STRING, ValueSource.constant("11i"), ValueCheck.oneOf("None", "Basic", "WPA", "11i", "WPAand11i"))
                .ro("Standard", five ? "ac" : "n")
                .rw("KeyPassphrase", STRING, ValueSource.constant(""))
                .ro("TotalAssociations", UNSIGNED_INT, d -> Integer.toString(Telemetry.clientCount(d, w)))
                .ro("TotalBytesSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 700 + w, 60_000) % 4_294_967_296L))
                .ro("TotalBytesReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 710 + w, 10_000) % 4_294_967_296L))
                .ro("X_CPEOP_Noise", INT, d -> Integer.toString(Telemetry.noiseFloor(d, band)));
        int k = 750 + w * 10;
        b.object(prefix + "Stats.")
                .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k, false)))
                .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 1, false)))
                .ro("UnicastPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 730 + w, 45)))
                .ro("UnicastPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 740 + w, 11)))
                .ro("DiscardPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 2, false)))
                .ro("DiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 3, false)))
                .ro("MulticastPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, k + 4, 2)))
                .ro("BroadcastPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, k + 5, 1)))
                .ro("RetransCount", UNSIGNED_INT, d -> Long.toString(Telemetry.retransmissions(d, w, 0) * 3));
        for (int slot = 0; slot < Telemetry.CLIENT_SLOTS_PER_AP; slot++) {
            int s = slot;
            int clientIndex = (w - 1) * Telemetry.CLIENT_SLOTS_PER_AP + slot;
            b.object(prefix + "AssociatedDevice." + (slot + 1) + ".", Telemetry.clientPresence(w, slot))
                    .ro("AssociatedDeviceMACAddress", STRING, d -> Telemetry.clientMac(d, clientIndex))
                    .ro("AssociatedDeviceIPAddress", STRING, d -> Tr181LanHosts.hostAddress(d, clientIndex))
                    .ro("AssociatedDeviceAuthenticationState", BOOLEAN, ValueSource.constant("true"))
                    .ro("LastDataTransmitRate", STRING, d -> Long.toString(Telemetry.downlinkRateKbps(d, w, s) / 1000))
                    .ro("X_CPEOP_SignalStrength", INT, d -> Integer.toString(Telemetry.signalStrength(d, w, s)))
                    .ro("X_CPEOP_Retransmissions", UNSIGNED_INT, d -> Long.toString(Telemetry.retransmissions(d, w, s)));
        }
    }

    private static void wan(SchemaBuilder b) {
        String wan = ROOT + "WANDevice.1.";
        b.object(wan + "WANCommonInterfaceConfig.")
                .ro("WANAccessType", "Ethernet")
                .ro("Layer1UpstreamMaxBitRate", UNSIGNED_INT, ValueSource.constant("1000000000"))
                .ro("Layer1DownstreamMaxBitRate", UNSIGNED_INT, ValueSource.constant("1000000000"))
                .ro("PhysicalLinkStatus", "Up")
                .ro("TotalBytesSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 720, 70_000) % 4_294_967_296L))
                .ro("TotalBytesReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 721, 420_000) % 4_294_967_296L))
                .ro("TotalPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 720, 60)))
                .ro("TotalPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 721, 330)));
        String ip = wan + "WANConnectionDevice.1.WANIPConnection.1.";
        b.object(wan + "WANConnectionDevice.1.").ro("WANIPConnectionNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object(ip)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("ConnectionStatus", "Connected")
                .ro("ConnectionType", "IP_Routed")
                .ro("Name", "wan")
                .ro("Uptime", UNSIGNED_INT, d -> Long.toString(Math.max(0, d.uptimeSeconds() - 20)))
                .ro("LastConnectionError", "ERROR_NONE")
                .ro("AddressingType", "DHCP")
                .ro("ExternalIPAddress", STRING, Telemetry::wanAddress)
                .ro("SubnetMask", "255.255.192.0")
                .ro("DefaultGateway", "100.64.0.1")
                .ro("DNSServers", "100.64.0.53")
                .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, 1))
                .rw("NATEnabled", BOOLEAN, ValueSource.constant("true"))
                .ro("Stats.EthernetBytesSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 720, 70_000) % 4_294_967_296L))
                .ro("Stats.EthernetBytesReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 721, 420_000) % 4_294_967_296L))
                .ro("Stats.EthernetErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 722, true)))
                .ro("Stats.EthernetDiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 723, true) / 2));
        b.table(ip + "PortMapping.", 32, "RemoteHost", "ExternalPort", "PortMappingProtocol")
                .column("PortMappingEnabled", BOOLEAN, true, "false")
                .column("PortMappingLeaseDuration", UNSIGNED_INT, true, "0")
                .column("RemoteHost", STRING, true, "")
                .column("ExternalPort", UNSIGNED_INT, true, "0", ValueCheck.range(0, 65535))
                .column("InternalPort", UNSIGNED_INT, true, "0", ValueCheck.range(0, 65535))
                .column("PortMappingProtocol", STRING, true, "TCP", ValueCheck.oneOf("TCP", "UDP"))
                .column("InternalClient", STRING, true, "")
                .column("PortMappingDescription", STRING, true, "")
                .done(List.of());
    }
}
