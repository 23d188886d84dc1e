package io.cpeoperator.operator.qoe.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TR-181 access link: the last IPPing or UDPEcho result, the WAN IP interface's counters, the PPP session below it and
 * the LAN DHCP server. TR-181 does not mark "the" WAN interface: an interface named or aliased like one, else the
 * one the IPPing diagnostic runs on.
 */
final class Tr181WanReader {

    private final TwinReadings twin;

    Tr181WanReader(TwinReadings twin) {
        this.twin = twin;
    }

    WanSignals read() {
        Optional<String> wan = wanInterface();
        return new WanSignals(ping(), wan.map(this::counters), ppp(wan), dhcp());
    }

    private Optional<PingSignals> ping() {
        return PingReader.completed(twin, "Device.IP.Diagnostics.IPPing.")
                .or(() -> PingReader.completed(twin, "Device.IP.Diagnostics.UDPEchoDiagnostics."));
    }

    private Optional<String> wanInterface() {
        for (int index : twin.instances("Device.IP.Interface.")) {
            String prefix = "Device.IP.Interface." + index + ".";
            String naming = (twin.text(prefix + "Name").orElse("") + " " + twin.text(prefix + "Alias").orElse(""))
                    .toLowerCase(Locale.ROOT);
            if (naming.contains("wan")) {
                return Optional.of(prefix);
            }
        }
        return twin.text("Device.IP.Diagnostics.IPPing.Interface").map(TwinReadings::stripDot)
                .filter(path -> path.startsWith("Device.IP.Interface.")).map(path -> path + ".");
    }

    private InterfaceCounters counters(String wan) {
        return new InterfaceCounters(wan, twin.text(wan + "Status"),
                twin.reading(wan + "Stats.PacketsReceived", 0, Double.MAX_VALUE),
                twin.reading(wan + "Stats.ErrorsReceived", 0, Double.MAX_VALUE),
                twin.reading(wan + "Stats.DiscardPacketsReceived", 0, Double.MAX_VALUE));
    }

    /** The PPP interface below the WAN interface, or the only enabled one. */
    private Optional<PppSignals> ppp(Optional<String> wan) {
        List<String> candidates = new ArrayList<>();
        wan.flatMap(w -> twin.text(w + "LowerLayers")).map(l -> TwinReadings.stripDot(l.split(",")[0]))
                .filter(l -> l.startsWith("Device.PPP.Interface.")).ifPresent(l -> candidates.add(l + "."));
        if (candidates.isEmpty()) {
            for (int index : twin.instances("Device.PPP.Interface.")) {
                String prefix = "Device.PPP.Interface." + index + ".";
                if (twin.isTrue(prefix + "Enable", true)) {
                    candidates.add(prefix);
                }
            }
        }
        for (String prefix : candidates) {
            Optional<Reading> session = twin.reading(prefix + "LastChange", 0, Double.MAX_VALUE);
            if (session.isPresent()) {
                return Optional.of(new PppSignals(prefix, session.get(), twin.text(prefix + "ConnectionStatus"),
                        twin.text(prefix + "LastConnectionError")));
            }
        }
        return Optional.empty();
    }

    private Optional<DhcpSignals> dhcp() {
        for (int index : twin.instances("Device.DHCPv4.Server.Pool.")) {
            String pool = "Device.DHCPv4.Server.Pool." + index + ".";
            if (!twin.isTrue(pool + "Enable", true)) {
                continue;
            }
            // -1 is an infinite lease: nothing churns (the check says so)
            Optional<Reading> lease = twin.reading(pool + "LeaseTime", -1, Double.MAX_VALUE);
            if (lease.isPresent()) {
                return Optional.of(DhcpReader.withHosts(twin, lease.get(), "Device.Hosts.Host."));
            }
        }
        return Optional.empty();
    }
}
