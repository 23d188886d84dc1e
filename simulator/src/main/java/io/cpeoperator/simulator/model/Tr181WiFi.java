package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

import java.time.Instant;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_LONG;

/**
 * {@code Device.WiFi.}: radios, SSIDs, access points with their associated clients, the neighbouring-network scan
 * and, for mesh nodes, the Data Elements backhaul. SSID/AP 1 and 3 sit on Radio.1, 2 and 4 on Radio.2, whatever
 * their bands ({@link VendorModel#radioBands()}); everything band-specific follows the band, not the number.
 */
final class Tr181WiFi {

    private Tr181WiFi() {
    }

    static void define(SchemaBuilder b, VendorModel model) {
        b.object("Device.WiFi.")
                .ro("RadioNumberOfEntries", UNSIGNED_INT, ValueSource.constant(Integer.toString(model.radios())))
                .ro("SSIDNumberOfEntries", UNSIGNED_INT, ValueSource.constant("4"))
                .ro("AccessPointNumberOfEntries", UNSIGNED_INT, ValueSource.constant("4"));
        for (int radio = 1; radio <= model.radios(); radio++) {
            radio(b, model, radio);
        }
        for (int i = 1; i <= 4; i++) {
            ssid(b, model, i);
            accessPoint(b, model, i);
        }
        neighbours(b, model);
        if (model.meshNode()) {
            backhaul(b);
        }
    }

    private static void radio(SchemaBuilder b, VendorModel model, int radio) {
        Band band = model.band(radio);
        boolean twoGhz = band == Band.GHZ_2_4;
        String channel = switch (band) {
            case GHZ_2_4 -> "6";
            case GHZ_5 -> model.radioOf(Band.GHZ_5) == radio ? "36" : "100";
            case GHZ_6 -> "37";
        };
        String prefix = "Device.WiFi.Radio." + radio + ".";
        b.object(prefix)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Up")
                .ro("Alias", "cpe-radio-" + radio)
                .ro("Name", "wifi" + (radio - 1))
                .ro("LastChange", UNSIGNED_INT, d -> Long.toString(d.uptimeSeconds()))
                .ro("Upstream", BOOLEAN, ValueSource.constant("false"))
                .ro("MaxBitRate", UNSIGNED_INT, ValueSource.constant(Integer.toString(band.maxBitRateMbps())))
                .ro("SupportedFrequencyBands", band.label())
                .ro("OperatingFrequencyBand", band.label())
                .ro("SupportedStandards", band.supportedStandards())
                .rw("OperatingStandards", STRING, ValueSource.constant(band.operatingStandards()))
                .ro("PossibleChannels", band.possibleChannels())
                .ro("ChannelsInUse", STRING, d -> d.valueOf(prefix + "Channel"))
                .rw("Channel", UNSIGNED_INT, ValueSource.constant(channel), ValueCheck.oneOf(band.channels().toArray(String[]::new)))
                .rw("AutoChannelSupported", BOOLEAN, ValueSource.constant("true"))
                .rw("AutoChannelEnable", BOOLEAN, ValueSource.constant("false"))
                .rw("OperatingChannelBandwidth", STRING, ValueSource.constant(band.bandwidth()),
                        ValueCheck.oneOf("20MHz", "40MHz", "80MHz", "160MHz", "320MHz", "Auto"))
                .ro("CurrentOperatingChannelBandwidth", STRING, d -> {
                    String configured = d.valueOf(prefix + "OperatingChannelBandwidth");
                    return "Auto".equals(configured) ? band.bandwidth() : configured;
                })
                .rw("GuardInterval", STRING, ValueSource.constant("Auto"), ValueCheck.oneOf("400nsec", "800nsec", "Auto"))
                .rw("TransmitPowerSupported", STRING, ValueSource.constant("-1,25,50,75,100"))
                .rw("TransmitPower", INT, ValueSource.constant("100"), ValueCheck.range(-1, 100))
                .rw("RegulatoryDomain", STRING, ValueSource.constant("DE "))
                .rw("IEEE80211hEnabled", BOOLEAN, ValueSource.constant(band == Band.GHZ_5 ? "true" : "false"))
                .ro("ChannelUtilization", UNSIGNED_INT, d -> Integer.toString(Telemetry.channelUtilization(d, band)));
        String stats = prefix + "Stats.";
        int k = radio * 20;
        b.object(stats)
                .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, twoGhz ? 90_000 : 380_000)))
                .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, twoGhz ? 20_000 : 60_000)))
                .ro("PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, twoGhz ? 80 : 300)))
                .ro("PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, twoGhz ? 30 : 90)))
                .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(radioErrors(d, radio, band)))
                .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(radioErrors(d, radio, band) / 3))
                .ro("DiscardPacketsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 2, false)))
                .ro("DiscardPacketsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 3, false)))
                .ro("FCSErrorCount", UNSIGNED_INT, d -> Long.toString(radioErrors(d, radio, band) * 2))
                .ro("Noise", INT, d -> Integer.toString(Telemetry.noiseFloor(d, band)));
    }

    private static long radioErrors(DeviceFacts d, int radio, Band band) {
        long errors = Telemetry.errors(d, 30 + radio, false);
        if (Telemetry.interfered(d) && band == Band.GHZ_2_4) {
            errors += d.uptimeSeconds() * 6;
        }
        return errors;
    }

    private static void ssid(SchemaBuilder b, VendorModel model, int i) {
        int radio = model.accessPointRadio(i);
        boolean guest = i > 2;
        String prefix = "Device.WiFi.SSID." + i + ".";
        b.object(prefix)
                .rw("Enable", BOOLEAN, ValueSource.constant(i == 4 ? "false" : "true"))
                .ro("Status", i == 4 ? "Down" : "Up")
                .ro("Alias", "cpe-ssid-" + i)
                .ro("Name", "wl" + (radio - 1) + (guest ? ".1" : ""))
                .ro("LowerLayers", "Device.WiFi.Radio." + radio)
                .ro("BSSID", STRING, d -> Telemetry.deviceMac(d, 8 + i))
                .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, 8 + i))
                .rw("SSID", STRING, d -> (guest ? "Guest-" : "HomeNet-") + d.serialNumber().substring(
                        Math.max(0, d.serialNumber().length() - 4)), ValueCheck.maxLength(32));
        int k = 60 + i * 10;
        b.object(prefix + "Stats.")
                .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, guest ? 2_000 : 70_000)))
                .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, guest ? 500 : 12_000)))
                .ro("PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, guest ? 2 : 60)))
                .ro("PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, guest ? 1 : 20)))
                .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 2, false)))
                .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 3, false)))
                .ro("RetransCount", UNSIGNED_INT, d -> Long.toString(Telemetry.retransmissions(d, i, 0) * 3));
    }

    private static void accessPoint(SchemaBuilder b, VendorModel model, int ap) {
        Band band = model.accessPointBand(ap);
        String prefix = "Device.WiFi.AccessPoint." + ap + ".";
        b.object(prefix)
                .rw("Enable", BOOLEAN, ValueSource.constant(ap == 4 ? "false" : "true"))
                .ro("Status", ap == 4 ? "Disabled" : "Enabled")
                .ro("Alias", "cpe-ap-" + ap)
                .ro("SSIDReference", "Device.WiFi.SSID." + ap)
                .rw("SSIDAdvertisementEnabled", BOOLEAN, ValueSource.constant("true"))
                .rw("IsolationEnable", BOOLEAN, ValueSource.constant(ap > 2 ? "true" : "false"))
                .rw("MaxAssociatedDevices", UNSIGNED_INT, ValueSource.constant("32"), ValueCheck.range(0, 64))
                .ro("AssociatedDeviceNumberOfEntries", UNSIGNED_INT, d -> Integer.toString(Telemetry.clientCount(d, ap)))
                .ro("Security.ModesSupported", "None,WPA2-Personal,WPA3-Personal,WPA2-WPA3-Personal")
                .rw("Security.ModeEnabled", STRING, ValueSource.constant("WPA2-WPA3-Personal"),
                        ValueCheck.oneOf("None", "WPA2-Personal", "WPA3-Personal", "WPA2-WPA3-Personal"))
                .rw("Security.KeyPassphrase", STRING, ValueSource.constant(""), ValueCheck.maxLength(63))
                .rw("WPS.Enable", BOOLEAN, ValueSource.constant("false"));
        for (int slot = 0; slot < Telemetry.CLIENT_SLOTS_PER_AP; slot++) {
            int s = slot;
            int clientIndex = (ap - 1) * Telemetry.CLIENT_SLOTS_PER_AP + slot;
            String client = prefix + "AssociatedDevice." + (slot + 1) + ".";
            int k = 200 + clientIndex * 4;
            b.object(client, Telemetry.clientPresence(ap, slot))
                    .ro("MACAddress", STRING, d -> Telemetry.clientMac(d, clientIndex))
                    .ro("OperatingStandard", STRING, d -> operatingStandard(d, ap, s))
                    .ro("X_CPEOP_SupportedFrequencyBands", STRING, d -> Telemetry.dualBandCapable(d, ap, s) ? "2.4GHz,5GHz" : "2.4GHz")
                    .ro("AuthenticationState", BOOLEAN, ValueSource.constant("true"))
                    .ro("LastDataDownlinkRate", UNSIGNED_INT, d -> Long.toString(Telemetry.downlinkRateKbps(d, ap, s)))
                    .ro("LastDataUplinkRate", UNSIGNED_INT, d -> Long.toString(Telemetry.downlinkRateKbps(d, ap, s) * 2 / 3))
                    .ro("AssociationTime", DATE_TIME, d -> Instant.ofEpochMilli(d.now() - 60_000L * (5 + (long) (600 * Wander.unit(d.seed(), k, d.now() / 3_600_000)))).toString())
                    .ro("SignalStrength", INT, d -> Integer.toString(Telemetry.signalStrength(d, ap, s)))
                    .ro("Noise", INT, d -> Integer.toString(Telemetry.noiseFloor(d, band)))
                    .ro("Retransmissions", UNSIGNED_INT, d -> Long.toString(Telemetry.retransmissions(d, ap, s)))
                    .ro("Active", BOOLEAN, ValueSource.constant("true"))
                    .ro("Stats.BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, 9_000)))
                    .ro("Stats.BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, 1_500)))
                    .ro("Stats.PacketsSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k, 8)))
                    .ro("Stats.PacketsReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, k + 1, 3)))
                    .ro("Stats.ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, k + 2, false)))
                    .ro("Stats.RetransCount", UNSIGNED_INT, d -> Long.toString(Telemetry.retransmissions(d, ap, s)));
        }
    }

    private static String operatingStandard(DeviceFacts d, int ap, int slot) {
        if (Telemetry.band(d, ap) != Band.GHZ_2_4) {
            return Wander.unit(d.seed(), 9600 + ap * 16 + slot) < 0.6 ? "ax" : "ac";
        }
        return Telemetry.dualBandCapable(d, ap, slot) ? "ax" : "n";
    }

    private static void neighbours(SchemaBuilder b, VendorModel model) {
        String ownChannel = "Device.WiFi.Radio." + model.radioOf(Band.GHZ_2_4) + ".Channel";
        String diag = "Device.WiFi.NeighboringWiFiDiagnostic.";
        b.object(diag)
                .rw("DiagnosticsState", STRING, ValueSource.constant("Complete"),
                        ValueCheck.oneOf("None", "Requested", "Canceled", "Complete", "Error"))
                .ro("ResultNumberOfEntries", UNSIGNED_INT, d -> Integer.toString(Telemetry.neighborCount(d)));
        for (int slot = 0; slot < Telemetry.NEIGHBOR_SLOTS; slot++) {
            int s = slot;
            Band band = Telemetry.neighborBand(slot);
            boolean five = band == Band.GHZ_5;
            b.object(diag + "Result." + (slot + 1) + ".", d -> s < Telemetry.neighborCount(d))
                    .ro("Radio", "Device.WiFi.Radio." + model.radioOf(band))
                    .ro("SSID", STRING, d -> NEIGHBOR_NAMES[(int) (NEIGHBOR_NAMES.length * Wander.unit(d.seed(), 9700 + s))] + "-" + (Math.abs(d.seed() + s) % 97))
                    .ro("BSSID", STRING, d -> Telemetry.mac(0x5C, Wander.mix(d.seed() + 9800 + s)))
                    .ro("Mode", "Infrastructure")
                    .ro("Channel", UNSIGNED_INT, d -> Integer.toString(Telemetry.neighborChannel(d, s,
                            parseOr(d.valueOf(ownChannel), 6))))
                    .ro("SignalStrength", INT, d -> Integer.toString(Telemetry.neighborSignal(d, s)))
                    .ro("SecurityModeEnabled", "WPA2-Personal")
                    .ro("EncryptionMode", "AES")
                    .ro("OperatingFrequencyBand", band.label())
                    .ro("OperatingStandards", five ? "a,n,ac" : "b,g,n")
                    .ro("OperatingChannelBandwidth", five ? "80MHz" : "20MHz")
                    .ro("BeaconPeriod", UNSIGNED_INT, ValueSource.constant("100"))
                    .ro("Noise", INT, d -> Integer.toString(Telemetry.noiseFloor(d, band)))
                    .ro("DTIMPeriod", UNSIGNED_INT, ValueSource.constant("2"));
        }
    }

    private static final String[] NEIGHBOR_NAMES = {"FRITZ!Box", "Vodafone", "TP-Link", "Telekom", "o2-WLAN", "NETGEAR", "Linksys", "eduroam"};

    private static void backhaul(SchemaBuilder b) {
        String device = "Device.WiFi.DataElements.Network.Device.1.";
        b.object(device)
                .ro("ID", STRING, d -> Telemetry.deviceMac(d, 0))
                .ro("MultiAPCapabilities", "AgentSupported");
        b.object(device + "MultiAPDevice.Backhaul.")
                .ro("LinkType", "Wi-Fi")
                .ro("BackhaulMACAddress", STRING, d -> Telemetry.deviceMac(d, 14))
                .ro("BackhaulDeviceID", STRING, d -> Telemetry.mac(0x02, Wander.mix(d.seed() + 17)))
                .ro("MACAddress", STRING, d -> Telemetry.deviceMac(d, 15));
        b.object(device + "MultiAPDevice.Backhaul.Stats.")
                .ro("BytesSent", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 90, 300_000)))
                .ro("BytesReceived", UNSIGNED_LONG, d -> Long.toString(Telemetry.counter(d, 91, 1_200_000)))
                .ro("ErrorsSent", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 92, false)))
                .ro("ErrorsReceived", UNSIGNED_INT, d -> Long.toString(Telemetry.errors(d, 93, false)))
                .ro("SignalStrength", UNSIGNED_INT, d -> Integer.toString(Telemetry.backhaulRcpi(d)))
                .ro("LastDataDownlinkRate", UNSIGNED_INT, d -> Long.toString(Telemetry.backhaulRateKbps(d)))
                .ro("LastDataUplinkRate", UNSIGNED_INT, d -> Long.toString(Telemetry.backhaulRateKbps(d) * 3 / 4))
                .ro("TimeStamp", DATE_TIME, d -> Instant.ofEpochMilli(d.now() / 1000 * 1000).toString());
    }

    static int parseOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
