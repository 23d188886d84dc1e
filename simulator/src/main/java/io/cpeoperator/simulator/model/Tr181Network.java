package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_LONG;

/** Ethernet, PPP, IP with diagnostics results, NAT and Time of a TR-181 gateway (LAN hosts: {@link Tr181LanHosts}). */
final class Tr181Network {

    private Tr181Network() {
    }

    static void define(SchemaBuilder b, VendorModel model) {
        ethernet(b);
        if (model.pppoeWan()) {
            ppp(b);
        }
        ip(b, model);
        diagnostics(b);
        Tr181LanHosts.define(b, model);
        nat(b);
        b.object("Device.Time.")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Synchronized")
                .rw("NTPServer1", STRING, ValueSource.constant("pool.ntp.org"))
                .ro("CurrentLocalTime", DATE_TIME, d -> Instant.ofEpochMilli(d.now() / 1000 * 1000).toString())
                .rw("LocalTimeZone", STRING, ValueSource.constant("CET-1CEST,M3.5.0,M10.5.0/3"));
    }

    private static void ethernet(SchemaBuilder b) {
        b.object("Device.Ethernet.").ro("InterfaceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("5"))
                .ro("LinkNumberOfEntries", UNSIGNED_INT, ValueSource.constant("2"));
        for (int index = 1; index <= 5; index++) {
            int i = index;
            boolean wan = i == 1;
            boolean connected = wan || i == 2;
            int k = 400 + i * 10;
            String prefix = "Device.Ethernet.Interface." + i + ".";
            b.object(prefix)
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", connected ? "Up" : "Down")
                    .ro("Alias", "cpe-eth-" + i)
                    .ro("Name", wan ? "eth0" : "lan" + (i - 1))
                    .ro("LastChange", UNSIGNED_INT, d -> Long.toString(d.uptimeSeconds()))
                    .ro("Upstream", BOOLEAN, ValueSource.constant(wan ? "true" : "false"))
                    .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, i))
                    .rw("MaxBitRate", INT, ValueSource.constant("-1"))
                    .ro("CurrentBitRate", UNSIGNED_INT, ValueSource.constant(connected ? "1000" : "0"))
                    .rw("DuplexMode", STRING, ValueSource.constant("Auto"), ValueCheck.oneOf("Half", "Full", "Auto"));
            double rate = connected ? (wan ? 450_000 : 40_000) : 0;
            b.object(prefix + "Stats.")
                    .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, wan ? rate / 6 : rate)))
                    .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, wan ? rate : rate / 6)))
                    .ro("PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, rate / 1200)))
                    .ro("PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, rate / 1200)))
                    .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(connected ? Telemetry.errors(d, k + 2, false) : 0))
                    .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(connected ? Telemetry.errors(d, k + 3, wan) : 0))
                    .ro("DiscardPacketsSent", UNSIGNED_INT, ValueSource.constant("0"))
                    .ro("DiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(connected ? Telemetry.errors(d, k + 4, wan) / 2 : 0))
                    .ro("BroadcastPacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 5, connected ? 3 : 0)))
                    .ro("MulticastPacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 6, connected ? 5 : 0)));
        }
        for (int link = 1; link <= 2; link++) {
            int l = link;
            b.object("Device.Ethernet.Link." + link + ".")
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", "Up")
                    .ro("Name", link == 1 ? "wan" : "br-lan")
                    .ro("LowerLayers", link == 1 ? "Device.Ethernet.Interface.1" : "Device.Ethernet.Interface.2,Device.WiFi.SSID.1,Device.WiFi.SSID.2")
                    .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, l == 1 ? 1 : 0));
        }
    }

    private static void ppp(SchemaBuilder b) {
        String prefix = "Device.PPP.Interface.1.";
        b.object("Device.PPP.").ro("InterfaceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object(prefix)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", STRING, d -> pppUp(d) ? "Up" : "Down")
                .ro("Alias", "cpe-ppp-1")
                .ro("Name", "pppoe-wan")
                .ro("LastChange", UNSIGNED_INT, d -> Long.toString(Telemetry.pppSessionSeconds(d)))
                .ro("LowerLayers", "Device.Ethernet.Link.1")
                .ro("ConnectionStatus", STRING, d -> pppUp(d) ? "Connected" : "Connecting")
                .ro("LastConnectionError", STRING, d -> d.has(Scenario.PPPOE_FLAPS) ? "ERROR_ISP_TIME_OUT" : "ERROR_NONE")
                .rw("AutoDisconnectTime", UNSIGNED_INT, ValueSource.constant("0"))
                .rw("IdleDisconnectTime", UNSIGNED_INT, ValueSource.constant("0"))
                .rw("Username", STRING, d -> "user" + d.serialNumber() + "@isp.example", ValueCheck.maxLength(64))
                .rw("Password", STRING, ValueSource.constant("ppp-secret"), ValueCheck.maxLength(64))
                .ro("EncryptionProtocol", "None")
                .ro("AuthenticationProtocol", "CHAP")
                .rw("MaxMRUSize", UNSIGNED_INT, ValueSource.constant("1492"), ValueCheck.range(64, 65535))
                .ro("CurrentMRUSize", UNSIGNED_INT, ValueSource.constant("1492"))
                .rw("ConnectionTrigger", STRING, ValueSource.constant("AlwaysOn"), ValueCheck.oneOf("OnDemand", "AlwaysOn", "Manual"))
                .ro("IPCP.LocalIPAddress", STRING, Telemetry::wanAddress)
                .ro("IPCP.RemoteIPAddress", "100.64.0.1")
                .ro("IPCP.DNSServers", "100.64.0.53,100.64.1.53")
                .ro("PPPoE.SessionID", UNSIGNED_INT, d -> Long.toString(1 + Math.floorMod(d.seed() + d.now() / 240_000, 65000)))
                .ro("PPPoE.ACName", "BRAS-FRA-07")
                .ro("PPPoE.ServiceName", "");
        b.object(prefix + "Stats.")
                .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 480, 70_000)))
                .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 481, 420_000)))
                .ro("PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 480, 60)))
                .ro("PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 481, 330)))
                .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 482, true)))
                .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 483, true)))
                .ro("DiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 484, true) / 2));
    }

    private static boolean pppUp(DeviceFacts d) {
        return !d.has(Scenario.PPPOE_FLAPS) || Telemetry.pppSessionSeconds(d) > 15;
    }

    private static void ip(SchemaBuilder b, VendorModel model) {
        b.object("Device.IP.")
                .ro("IPv4Capable", BOOLEAN, ValueSource.constant("true"))
                .rw("IPv4Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("IPv4Status", "Enabled")
                .ro("InterfaceNumberOfEntries", UNSIGNED_INT, ValueSource.constant("2"));
        for (int i = 1; i <= 2; i++) {
            boolean wan = i == 1;
            int k = 500 + i * 10;
            String prefix = "Device.IP.Interface." + i + ".";
            b.object(prefix)
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", "Up")
                    .ro("Alias", "cpe-ip-" + i)
                    .ro("Name", wan ? "wan" : "lan")
                    .ro("LastChange", UNSIGNED_INT, d -> Long.toString(wan && model.pppoeWan() ? Telemetry.pppSessionSeconds(d) : d.uptimeSeconds()))
                    .ro("LowerLayers", wan ? (model.pppoeWan() ? "Device.PPP.Interface.1" : "Device.Ethernet.Link.1") : "Device.Ethernet.Link.2")
                    .ro("Type", "Normal")
                    .rw("IPv4Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("IPv4AddressNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
            b.object(prefix + "IPv4Address.1.")
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Status", "Enabled")
                    .ro("Alias", "cpe-ipv4-" + i)
                    .ro("IPAddress", STRING, wan ? Telemetry::wanAddress : ValueSource.constant("192.168.1.1"))
                    .ro("SubnetMask", wan ? "255.255.255.255" : "255.255.255.0")
                    .ro("AddressingType", wan ? (model.pppoeWan() ? "IPCP" : "DHCP") : "Static");
            b.object(prefix + "Stats.")
                    .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, wan ? 70_000 : 400_000)))
                    .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, wan ? 420_000 : 65_000)))
                    .ro("PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, 60)))
                    .ro("PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, 330)))
                    .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 2, false)))
                    .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 3, wan)))
                    .ro("DiscardPacketsSent", UNSIGNED_INT, ValueSource.constant("0"))
                    .ro("DiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 4, wan) / 2))
                    .ro("UnicastPacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, 320)))
                    .ro("MulticastPacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 5, 2)));
        }
    }

    /** Results are those of the gateway's own periodic line check, so they always reflect the WAN condition. */
    private static void diagnostics(SchemaBuilder b) {
        b.object("Device.IP.Diagnostics.IPPing.")
                .rw("DiagnosticsState", STRING, ValueSource.constant("Complete"),
                        ValueCheck.oneOf("None", "Requested", "Canceled", "Complete", "Error"))
                .rw("Interface", STRING, ValueSource.constant("Device.IP.Interface.1"))
                .rw("Host", STRING, ValueSource.constant("8.8.8.8"))
                .rw("NumberOfRepetitions", UNSIGNED_INT, ValueSource.constant("10"), ValueCheck.range(1, 10_000))
                .rw("Timeout", UNSIGNED_INT, ValueSource.constant("1000"), ValueCheck.range(1, 600_000))
                .rw("DataBlockSize", UNSIGNED_INT, ValueSource.constant("64"), ValueCheck.range(1, 65535))
                .rw("DSCP", UNSIGNED_INT, ValueSource.constant("0"), ValueCheck.range(0, 63))
                .ro("SuccessCount", UNSIGNED_INT, d -> Integer.toString(repetitions(d, "IPPing") - Telemetry.pingFailures(d, repetitions(d, "IPPing"))))
                .ro("FailureCount", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingFailures(d, repetitions(d, "IPPing"))))
                .ro("AverageResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d)))
                .ro("MinimumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 2 / 3))
                .ro("MaximumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 5 / 3))
                .ro("AverageResponseTimeDetailed", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 1000));
        b.object("Device.IP.Diagnostics.UDPEchoDiagnostics.")
                .rw("DiagnosticsState", STRING, ValueSource.constant("Complete"),
                        ValueCheck.oneOf("None", "Requested", "Canceled", "Complete", "Error"))
                .rw("Interface", STRING, ValueSource.constant("Device.IP.Interface.1"))
                .rw("Host", STRING, ValueSource.constant("echo.isp.example"))
                .rw("Port", UNSIGNED_INT, ValueSource.constant("7"), ValueCheck.range(1, 65535))
                .rw("NumberOfRepetitions", UNSIGNED_INT, ValueSource.constant("20"), ValueCheck.range(1, 10_000))
                .rw("Timeout", UNSIGNED_INT, ValueSource.constant("1000"), ValueCheck.range(1, 600_000))
                .rw("DataBlockSize", UNSIGNED_INT, ValueSource.constant("24"), ValueCheck.range(1, 65535))
                .rw("InterTransmissionTime", UNSIGNED_INT, ValueSource.constant("1000"), ValueCheck.range(1, 65535))
                .ro("SuccessCount", UNSIGNED_INT, d -> Integer.toString(repetitions(d, "UDPEchoDiagnostics") - Telemetry.pingFailures(d, repetitions(d, "UDPEchoDiagnostics"))))
                .ro("FailureCount", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingFailures(d, repetitions(d, "UDPEchoDiagnostics"))))
                .ro("AverageResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) + 1))
                .ro("MinimumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 2 / 3))
                .ro("MaximumResponseTime", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 2));
    }

    private static int repetitions(DeviceFacts d, String test) {
        return Math.max(1, Tr181WiFi.parseOr(d.valueOf("Device.IP.Diagnostics." + test + ".NumberOfRepetitions"), 10));
    }

    private static void nat(SchemaBuilder b) {
        b.object("Device.NAT.")
                .ro("InterfaceSettingNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object("Device.NAT.InterfaceSetting.1.")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Enabled")
                .ro("Interface", "Device.IP.Interface.1");
        b.table("Device.NAT.PortMapping.", 32, "RemoteHost", "ExternalPort", "Protocol")
                .column("Enable", BOOLEAN, true, "false")
                .column("Status", STRING, false, "Disabled")
                .column("Alias", STRING, true, "")
                .column("Interface", STRING, true, "Device.IP.Interface.1")
                .column("AllInterfaces", BOOLEAN, true, "false")
                .column("LeaseDuration", UNSIGNED_INT, true, "0")
                .column("RemoteHost", STRING, true, "")
                .column("ExternalPort", UNSIGNED_INT, true, "0", ValueCheck.range(0, 65535))
                .column("ExternalPortEndRange", UNSIGNED_INT, true, "0", ValueCheck.range(0, 65535))
                .column("InternalPort", UNSIGNED_INT, true, "0", ValueCheck.range(0, 65535))
                .column("Protocol", STRING, true, "TCP", ValueCheck.oneOf("TCP", "UDP", "BOTH"))
                .column("InternalClient", STRING, true, "")
                .column("Description", STRING, true, "")
                .done(List.of(Map.of("Enable", "true", "Status", "Enabled", "Alias", "cpe-nas", "ExternalPort", "8443",
                        "InternalPort", "443", "InternalClient", "192.168.1.20", "Description", "NAS")));
    }
}
