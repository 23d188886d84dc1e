package io.cpeoperator.simulator.model;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/**
 * The parts of an ONT's TR-098 model beyond LAN and WAN: routing table, QoS classification, the VoIP service
 * (TR-104) with call statistics, TR-143 throughput diagnostics and the guest WLANs.
 */
final class Tr098Services {

    private static final String ROOT = "InternetGatewayDevice.";

    private Tr098Services() {
    }

    static void define(SchemaBuilder b) {
        forwarding(b);
        classification(b);
        voice(b);
        throughputDiagnostics(b, "DownloadDiagnostics.", "DownloadURL", "http://speed.isp.example/10MB.bin");
        throughputDiagnostics(b, "UploadDiagnostics.", "UploadURL", "http://speed.isp.example/upload");
        b.object(ROOT + "UserInterface.")
                .rw("PasswordRequired", BOOLEAN, ValueSource.constant("true"))
                .rw("PasswordUserSelectable", BOOLEAN, ValueSource.constant("true"))
                .rw("WarrantyDate", STRING, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("ISPName", "Example Fiber")
                .ro("ISPHelpDesk", "+49 800 000000");
    }

    private static void forwarding(SchemaBuilder b) {
        String l3 = ROOT + "Layer3Forwarding.";
        b.object(l3)
                .rw("DefaultConnectionService", STRING, ValueSource.constant(ROOT + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"))
                .ro("ForwardNumberOfEntries", UNSIGNED_INT, ValueSource.constant("8"));
        for (int i = 1; i <= 8; i++) {
            b.object(l3 + "Forwarding." + i + ".")
                    .rw("Enable", BOOLEAN, ValueSource.constant(i <= 2 ? "true" : "false"))
                    .ro("Status", i <= 2 ? "Enabled" : "Disabled")
                    .rw("Type", STRING, ValueSource.constant(i == 1 ? "Default" : "Network"), ValueCheck.oneOf("Default", "Network", "Host"))
                    .rw("DestIPAddress", STRING, ValueSource.constant(i == 1 ? "0.0.0.0" : "10." + i + ".0.0"))
                    .rw("DestSubnetMask", STRING, ValueSource.constant(i == 1 ? "0.0.0.0" : "255.255.0.0"))
                    .rw("SourceIPAddress", STRING, ValueSource.constant("0.0.0.0"))
                    .rw("SourceSubnetMask", STRING, ValueSource.constant("0.0.0.0"))
                    .rw("GatewayIPAddress", STRING, ValueSource.constant("100.64.0.1"))
                    .rw("Interface", STRING, ValueSource.constant(ROOT + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"))
                    .rw("ForwardingMetric", INT, ValueSource.constant("0"));
        }
    }

    private static void classification(SchemaBuilder b) {
        String qm = ROOT + "QueueManagement.";
        b.object(qm)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("MaxQueues", UNSIGNED_INT, ValueSource.constant("8"))
                .ro("ClassificationNumberOfEntries", UNSIGNED_INT, ValueSource.constant("12"));
        String[] classes = {"VoIP-SIP", "VoIP-RTP", "IPTV", "Management", "DNS", "Gaming", "Video", "Web", "Bulk",
            "Backup", "Guest", "Default"};
        for (int i = 1; i <= classes.length; i++) {
            b.object(qm + "Classification." + i + ".")
                    .rw("ClassificationEnable", BOOLEAN, ValueSource.constant("true"))
                    .ro("ClassificationStatus", "Enabled")
                    .rw("ClassificationOrder", UNSIGNED_INT, ValueSource.constant(Integer.toString(i)))
                    .rw("ClassInterface", STRING, ValueSource.constant("LAN"))
                    .rw("DestIP", STRING, ValueSource.constant(""))
                    .rw("DestMask", STRING, ValueSource.constant(""))
                    .rw("SourceIP", STRING, ValueSource.constant(""))
                    .rw("SourceMask", STRING, ValueSource.constant(""))
                    .rw("Protocol", INT, ValueSource.constant(i <= 2 ? "17" : "-1"), ValueCheck.range(-1, 255))
                    .rw("DestPort", INT, ValueSource.constant(i == 1 ? "5060" : "-1"), ValueCheck.range(-1, 65535))
                    .rw("SourcePort", INT, ValueSource.constant("-1"), ValueCheck.range(-1, 65535))
                    .rw("DSCPMark", INT, ValueSource.constant(i <= 2 ? "46" : "-1"), ValueCheck.range(-2, 63))
                    .rw("EthernetPriorityMark", INT, ValueSource.constant("-1"), ValueCheck.range(-2, 7))
                    .rw("ClassQueue", INT, ValueSource.constant(Integer.toString(Math.min(7, i - 1))))
                    .rw("X_CPEOP_Name", STRING, ValueSource.constant(classes[i - 1]));
        }
    }

    private static void voice(SchemaBuilder b) {
        String profile = ROOT + "Services.VoiceService.1.VoiceProfile.1.";
        b.object(ROOT + "Services.VoiceService.1.").ro("VoiceProfileNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object(profile)
                .rw("Enable", STRING, ValueSource.constant("Enabled"), ValueCheck.oneOf("Disabled", "Quiescent", "Enabled"))
                .rw("Name", STRING, ValueSource.constant("SIP"))
                .ro("NumberOfLines", UNSIGNED_INT, ValueSource.constant("2"))
                .rw("SIP.ProxyServer", STRING, ValueSource.constant("sip.isp.example"))
                .rw("SIP.ProxyServerPort", UNSIGNED_INT, ValueSource.constant("5060"), ValueCheck.range(0, 65535))
                .rw("SIP.RegistrarServer", STRING, ValueSource.constant("sip.isp.example"))
                .rw("SIP.RegistrarServerPort", UNSIGNED_INT, ValueSource.constant("5060"), ValueCheck.range(0, 65535))
                .rw("SIP.UserAgentDomain", STRING, ValueSource.constant("isp.example"))
                .rw("SIP.RegisterExpires", UNSIGNED_INT, ValueSource.constant("3600"));
        for (int line = 1; line <= 2; line++) {
            int l = line;
            String prefix = profile + "Line." + line + ".";
            b.object(prefix)
                    .rw("Enable", STRING, ValueSource.constant(line == 1 ? "Enabled" : "Disabled"), ValueCheck.oneOf("Disabled", "Quiescent", "Enabled"))
                    .rw("DirectoryNumber", STRING, d -> l == 1 ? "+4930" + Math.floorMod(d.seed(), 9_000_000) : "")
                    .ro("Status", line == 1 ? "Up" : "Disabled")
                    .ro("CallState", "Idle")
                    .rw("SIP.AuthUserName", STRING, d -> "voip-" + d.serialNumber())
                    .rw("SIP.AuthPassword", STRING, ValueSource.constant("sip-secret"))
                    .rw("SIP.URI", STRING, d -> "sip:voip-" + d.serialNumber() + "@isp.example")
                    .ro("Stats.IncomingCallsReceived", UNSIGNED_INT, d -> Long.toString(l == 1 ? d.uptimeSeconds() / 9000 : 0))
                    .ro("Stats.IncomingCallsAnswered", UNSIGNED_INT, d -> Long.toString(l == 1 ? d.uptimeSeconds() / 11000 : 0))
                    .ro("Stats.OutgoingCallsAttempted", UNSIGNED_INT, d -> Long.toString(l == 1 ? d.uptimeSeconds() / 12000 : 0))
                    .ro("Stats.OutgoingCallsAnswered", UNSIGNED_INT, d -> Long.toString(l == 1 ? d.uptimeSeconds() / 14000 : 0))
                    .ro("Stats.PacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 800 + l, l == 1 ? 5 : 0)))
                    .ro("Stats.PacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.counter(d, 810 + l, l == 1 ? 5 : 0)))
                    .ro("Stats.PacketsLost", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 820 + l, true) / 4))
                    .ro("Stats.ReceivePacketLossRate", UNSIGNED_INT, d -> Telemetry.wanImpaired(d) ? "3" : "0")
                    .ro("Stats.AverageRoundTripDelay", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 1000))
                    .ro("Stats.AverageReceiveInterarrivalJitter", UNSIGNED_INT, d -> Integer.toString(Telemetry.pingAverageMillis(d) * 40));
        }
    }

    private static void throughputDiagnostics(SchemaBuilder b, String name, String urlParam, String url) {
        b.object(ROOT + name)
                .rw("DiagnosticsState", STRING, ValueSource.constant("None"), ValueCheck.oneOf("None", "Requested", "Completed"))
                .rw("Interface", STRING, ValueSource.constant(ROOT + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"))
                .rw(urlParam, STRING, ValueSource.constant(url))
                .rw("DSCP", UNSIGNED_INT, ValueSource.constant("0"), ValueCheck.range(0, 63))
                .rw("EthernetPriority", UNSIGNED_INT, ValueSource.constant("0"), ValueCheck.range(0, 7))
                .ro("ROMTime", STRING, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("BOMTime", STRING, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("EOMTime", STRING, ValueSource.constant("0001-01-01T00:00:00Z"))
                .ro("TestBytesReceived", UNSIGNED_INT, ValueSource.constant("0"))
                .ro("TotalBytesReceived", UNSIGNED_INT, ValueSource.constant("0"));
    }
}
