package io.cpeoperator.operator.qoe.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * TR-098 ({@code InternetGatewayDevice.}). Wi-Fi is one WLANConfiguration per radio/SSID pair with channel, clients
 * and their PHY rate (LastDataTransmitRate, Mbps) but no signal, noise or neighbour scan: those checks stay Unknown.
 * The WAN is the WANPPPConnection/WANIPConnection tree; diagnostics are IPPingDiagnostics.
 */
final class Tr098Reader {

    private static final String ROOT = "InternetGatewayDevice.";
    private static final int MAX_RADIOS = 8;

    private final TwinReadings twin;

    Tr098Reader(TwinReadings twin) {
        this.twin = twin;
    }

    Optional<WifiSignals> wifi() {
        List<RadioSignals> radios = new ArrayList<>();
        for (int lan : twin.instances(ROOT + "LANDevice.")) {
            String table = ROOT + "LANDevice." + lan + ".WLANConfiguration.";
            for (int index : twin.instances(table)) {
                if (radios.size() == MAX_RADIOS) {
                    break;
                }
                radios.add(radio(table + index + "."));
            }
        }
        return radios.isEmpty() ? Optional.empty() : Optional.of(new WifiSignals(radios, false));
    }

    private RadioSignals radio(String wlan) {
        Optional<Reading> channel = twin.reading(wlan + "Channel", 1, 233);
        Band band = twin.text(wlan + "OperatingFrequencyBand").map(Band::parse).filter(b -> b != Band.UNKNOWN)
                .orElseGet(() -> Band.ofChannel(channel.map(c -> OptionalDouble.of(c.value()))
                        .orElse(OptionalDouble.empty())));
        boolean up = twin.isTrue(wlan + "Enable", true)
                && twin.text(wlan + "Status").map(s -> s.equalsIgnoreCase("Up")).orElse(true);
        List<ClientSignals> clients = new ArrayList<>();
        for (int index : twin.instances(wlan + "AssociatedDevice.")) {
            String client = wlan + "AssociatedDevice." + index + ".";
            // LastDataTransmitRate is in Mbps (a string in TR-098), TR-181's downlink rate in kbps
            Optional<Reading> rate = twin.reading(client + "LastDataTransmitRate", 0.1, 100_000);
            clients.add(new ClientSignals(client, twin.text(client + "AssociatedDeviceMACAddress").orElse(""),
                    Optional.empty(), Optional.empty(), rate, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), true));
        }
        return new RadioSignals(wlan, band, up, channel,
                twin.text(wlan + "OperatingChannelBandwidth").flatMap(TwinReadings::megahertz),
                twin.text(wlan + "PossibleChannels").map(TwinReadings::channels).orElse(List.of()),
                Optional.empty(), Optional.empty(), clients, List.of());
    }

    WanSignals wan() {
        return new WanSignals(PingReader.completed(twin, ROOT + "IPPingDiagnostics."), Optional.empty(), ppp(),
                dhcp());
    }

    private Optional<PppSignals> ppp() {
        String devices = ROOT + "WANDevice.";
        for (int device : twin.instances(devices)) {
            String connections = devices + device + ".WANConnectionDevice.";
            for (int connection : twin.instances(connections)) {
                String table = connections + connection + ".WANPPPConnection.";
                for (int index : twin.instances(table)) {
                    String ppp = table + index + ".";
                    Optional<Reading> uptime = twin.reading(ppp + "Uptime", 0, Double.MAX_VALUE);
                    if (twin.isTrue(ppp + "Enable", true) && uptime.isPresent()) {
                        return Optional.of(new PppSignals(ppp, uptime.get(), twin.text(ppp + "ConnectionStatus"),
                                twin.text(ppp + "LastConnectionError")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<DhcpSignals> dhcp() {
        for (int lan : twin.instances(ROOT + "LANDevice.")) {
            String prefix = ROOT + "LANDevice." + lan + ".";
            Optional<Reading> lease = twin.reading(prefix + "LANHostConfigManagement.DHCPLeaseTime", 0,
                    Double.MAX_VALUE);
            if (lease.isPresent() && twin.isTrue(prefix + "LANHostConfigManagement.DHCPServerEnable", true)) {
                return Optional.of(DhcpReader.withHosts(twin, lease.get(), prefix + "Hosts.Host."));
            }
        }
        return Optional.empty();
    }
}
