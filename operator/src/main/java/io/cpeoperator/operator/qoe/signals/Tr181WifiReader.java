package io.cpeoperator.operator.qoe.signals;

import io.cpeoperator.bridge.twin.TwinParameter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * TR-181 {@code Device.WiFi.}: radios by their own band, clients attributed through AccessPoint.SSIDReference →
 * SSID.LowerLayers → Radio (TR-181 counts clients per access point), neighbours through Result.Radio or their band.
 */
final class Tr181WifiReader {

    /**
     * A client row observed this much before the freshest row of its access point is one that left: a refresh adds
     * and updates rows but a row that is gone is not always deleted from the twin at once.
     */
    static final Duration LEFT_CLIENT_AGE = Duration.ofMinutes(2);
    private static final int MAX_RADIOS = 8;

    private final TwinReadings twin;
    /** A client's object path to its vendor list of bands (…SupportedFrequencyBands, any vendor prefix). */
    private final Map<String, String> clientBands = new HashMap<>();

    Tr181WifiReader(TwinReadings twin) {
        // hundreds of reads below Device.WiFi.: one subtree read, then map lookups
        this.twin = twin.prefetch("Device.WiFi.");
        for (TwinParameter parameter : this.twin.prefetchedEndingWith("SupportedFrequencyBands")) {
            String path = parameter.path();
            clientBands.put(path.substring(0, path.lastIndexOf('.') + 1), parameter.value());
        }
    }

    Optional<WifiSignals> read() {
        List<Integer> radioIndexes = twin.instances("Device.WiFi.Radio.");
        if (radioIndexes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<ClientSignals>> clients = clientsByRadio();
        List<NeighborRow> neighbors = neighbors();
        List<RadioSignals> radios = new ArrayList<>();
        for (int index : radioIndexes.subList(0, Math.min(MAX_RADIOS, radioIndexes.size()))) {
            String radio = "Device.WiFi.Radio." + index;
            String prefix = radio + ".";
            Optional<Reading> channel = twin.reading(prefix + "Channel", 1, 233);
            Band band = twin.text(prefix + "OperatingFrequencyBand").map(Band::parse).filter(b -> b != Band.UNKNOWN)
                    .orElseGet(() -> Band.ofChannel(channel.map(c -> OptionalDouble.of(c.value()))
                            .orElse(OptionalDouble.empty())));
            boolean up = twin.isTrue(prefix + "Enable", true)
                    && twin.text(prefix + "Status").map(s -> s.equalsIgnoreCase("Up")).orElse(true);
            Optional<Integer> width = twin.text(prefix + "CurrentOperatingChannelBandwidth")
                    .flatMap(TwinReadings::megahertz)
                    .or(() -> twin.text(prefix + "OperatingChannelBandwidth").flatMap(TwinReadings::megahertz));
            Optional<Reading> utilization = twin.reading(prefix + "ChannelUtilization", 0, 100)
                    .or(() -> twin.reading(prefix + "Stats.ChannelUtilization", 0, 100));
            Optional<Reading> noise = twin.reading(prefix + "Stats.Noise", -150, -1);
            List<NeighborSignals> seen = new ArrayList<>();
            for (NeighborRow row : neighbors) {
                if (row.radio().isEmpty() ? row.signals().band() == band : row.radio().equals(radio)) {
                    seen.add(row.signals());
                }
            }
            radios.add(new RadioSignals(prefix, band, up, channel, width,
                    twin.text(prefix + "PossibleChannels").map(TwinReadings::channels).orElse(List.of()),
                    utilization, noise, clients.getOrDefault(radio, List.of()), seen));
        }
        boolean scan = twin.parameter("Device.WiFi.NeighboringWiFiDiagnostic.DiagnosticsState")
                .map(p -> p.value().equalsIgnoreCase("Complete")).orElse(false) || !neighbors.isEmpty();
        return Optional.of(new WifiSignals(radios, scan));
    }

    /** Radio path without trailing dot to the clients on all its enabled access points. */
    private Map<String, List<ClientSignals>> clientsByRadio() {
        Map<String, List<ClientSignals>> clients = new HashMap<>();
        for (int index : twin.instances("Device.WiFi.AccessPoint.")) {
            String ap = "Device.WiFi.AccessPoint." + index + ".";
            if (!twin.isTrue(ap + "Enable", true)) {
                continue;
            }
            String ssid = TwinReadings.stripDot(twin.text(ap + "SSIDReference").orElse(""));
            String radio = ssid.isEmpty() ? "" : TwinReadings.stripDot(
                    twin.text(ssid + ".LowerLayers").orElse("").split(",")[0]);
            if (radio.isEmpty()) {
                continue;
            }
            clients.computeIfAbsent(radio, r -> new ArrayList<>()).addAll(clientsOf(ap));
        }
        return clients;
    }

    private List<ClientSignals> clientsOf(String ap) {
        List<Integer> rows = twin.instances(ap + "AssociatedDevice.");
        Instant freshest = null;
        Map<Integer, Instant> seenAt = new HashMap<>();
        for (int row : rows) {
            Optional<Instant> at = twin.parameter(ap + "AssociatedDevice." + row + ".MACAddress")
                    .map(TwinParameter::observedAt);
            if (at.isPresent()) {
                seenAt.put(row, at.get());
                freshest = freshest == null || at.get().isAfter(freshest) ? at.get() : freshest;
            }
        }
        List<ClientSignals> clients = new ArrayList<>();
        for (int row : rows) {
            String client = ap + "AssociatedDevice." + row + ".";
            Instant at = seenAt.get(row);
            if (at == null || at.isBefore(freshest.minus(LEFT_CLIENT_AGE))
                    || !twin.isTrue(client + "Active", true)) {
                continue;
            }
            Optional<Boolean> highBand = supportsHighBand(client);
            clients.add(new ClientSignals(client, twin.text(client + "MACAddress").orElse(""),
                    twin.reading(client + "SignalStrength", -120, -1),
                    twin.reading(client + "Noise", -150, -1),
                    twin.reading(client + "LastDataDownlinkRate", 1, 100_000_000),
                    twin.text(client + "OperatingStandard").map(s -> s.toLowerCase(Locale.ROOT)),
                    highBand,
                    twin.reading(client + "Retransmissions", 0, Double.MAX_VALUE)
                            .or(() -> twin.reading(client + "Stats.RetransCount", 0, Double.MAX_VALUE)),
                    twin.reading(client + "Stats.PacketsSent", 0, Double.MAX_VALUE), false));
        }
        return clients;
    }

    /**
     * Whether the client can use 5 or 6 GHz: from a vendor's list of the client's bands (…SupportedFrequencyBands,
     * whatever the vendor prefix), or proven by the standard in use (802.11ac exists only on 5 GHz).
     */
    private Optional<Boolean> supportsHighBand(String client) {
        String bands = clientBands.get(client);
        if (bands != null) {
            return Optional.of(bands.contains("5") || bands.contains("6GHz"));
        }
        Optional<String> standard = twin.text(client + "OperatingStandard");
        if (standard.isPresent() && standard.get().equalsIgnoreCase("ac")) {
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private List<NeighborRow> neighbors() {
        List<NeighborRow> rows = new ArrayList<>();
        String table = "Device.WiFi.NeighboringWiFiDiagnostic.Result.";
        for (int index : twin.instances(table)) {
            String result = table + index + ".";
            Optional<Reading> signal = twin.reading(result + "SignalStrength", -120, -1);
            Optional<Reading> channel = twin.reading(result + "Channel", 1, 233);
            if (signal.isEmpty() || channel.isEmpty()) {
                continue;
            }
            Band band = twin.text(result + "OperatingFrequencyBand").map(Band::parse).filter(b -> b != Band.UNKNOWN)
                    .orElse(Band.ofChannel(OptionalDouble.of(channel.get().value())));
            rows.add(new NeighborRow(TwinReadings.stripDot(twin.text(result + "Radio").orElse("")),
                    new NeighborSignals(result, band, (int) channel.get().value(), signal.get())));
        }
        return rows;
    }

    /** @param radio the radio path the device attributes the result to, without trailing dot; empty when not said */
    private record NeighborRow(String radio, NeighborSignals signals) {
    }
}
