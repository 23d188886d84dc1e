package io.cpeoperator.operator.device.summary;

import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.WifiRadioSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Wi-Fi radios: band, channel, bandwidth, utilization, noise and associated clients. TR-181 counts clients per
 * access point, so they are attributed to a radio through AccessPoint.SSIDReference → SSID.LowerLayers → Radio.
 * TR-098 has one WLANConfiguration per radio/SSID pair with TotalAssociations, and rarely a band: it is derived from
 * the channel then. At most {@link #MAX_RADIOS} radios are listed.
 */
final class WifiSummaryMapper {

    static final int MAX_RADIOS = 8;

    void apply(TwinValues twin, DeviceSummaryMapper.DataModel model, DeviceSummary summary) {
        List<WifiRadioSummary> radios = model == DeviceSummaryMapper.DataModel.TR098 ? tr098(twin) : tr181(twin);
        summary.setRadios(radios.isEmpty() ? null : radios);
    }

    private static List<WifiRadioSummary> tr181(TwinValues twin) {
        Map<String, Integer> clientsByRadio = clientsByRadio(twin);
        List<WifiRadioSummary> radios = new ArrayList<>();
        for (int index : twin.instances("Device.WiFi.Radio.")) {
            if (radios.size() == MAX_RADIOS) {
                break;
            }
            String radio = "Device.WiFi.Radio." + index;
            WifiRadioSummary summary = new WifiRadioSummary();
            summary.setName(radio + ".");
            OptionalLong channel = twin.number(radio + ".Channel");
            channel.ifPresent(c -> summary.setChannel((int) c));
            summary.setBand(twin.text(radio + ".OperatingFrequencyBand").orElse(bandOf(channel)));
            twin.text(radio + ".CurrentOperatingChannelBandwidth")
                    .or(() -> twin.text(radio + ".OperatingChannelBandwidth"))
                    .ifPresent(summary::setBandwidth);
            OptionalLong utilization = twin.number(radio + ".ChannelUtilization");
            if (utilization.isEmpty()) {
                utilization = twin.number(radio + ".Stats.ChannelUtilization");
            }
            if (utilization.isPresent() && utilization.getAsLong() >= 0 && utilization.getAsLong() <= 100) {
                summary.setUtilizationPercent((int) utilization.getAsLong());
            }
            OptionalLong noise = twin.number(radio + ".Stats.Noise");
            if (noise.isPresent() && noise.getAsLong() < 0 && noise.getAsLong() > -150) {
                summary.setNoiseDbm((int) noise.getAsLong());
            }
            summary.setClients(clientsByRadio.getOrDefault(radio, 0));
            radios.add(summary);
        }
        return radios;
    }

    /** Radio path without trailing dot ("Device.WiFi.Radio.1") to the clients on all its access points. */
    private static Map<String, Integer> clientsByRadio(TwinValues twin) {
        Map<String, Integer> clients = new HashMap<>();
        for (int index : twin.instances("Device.WiFi.AccessPoint.")) {
            String ap = "Device.WiFi.AccessPoint." + index + ".";
            String ssid = stripDot(twin.text(ap + "SSIDReference").orElse(""));
            if (ssid.isEmpty()) {
                continue;
            }
            String radio = stripDot(twin.text(ssid + ".LowerLayers").orElse("").split(",")[0].trim());
            OptionalLong count = twin.number(ap + "AssociatedDeviceNumberOfEntries");
            int associated = count.isPresent() && count.getAsLong() >= 0
                    ? (int) Math.min(count.getAsLong(), 10_000)
                    : twin.instances(ap + "AssociatedDevice.").size();
            if (!radio.isEmpty()) {
                clients.merge(radio, associated, Integer::sum);
            }
        }
        return clients;
    }

    private static List<WifiRadioSummary> tr098(TwinValues twin) {
        List<WifiRadioSummary> radios = new ArrayList<>();
        for (int lan : twin.instances("InternetGatewayDevice.LANDevice.")) {
            String table = "InternetGatewayDevice.LANDevice." + lan + ".WLANConfiguration.";
            for (int index : twin.instances(table)) {
                if (radios.size() == MAX_RADIOS) {
                    return radios;
                }
                String wlan = table + index + ".";
                WifiRadioSummary summary = new WifiRadioSummary();
                summary.setName(wlan);
                OptionalLong channel = twin.number(wlan + "Channel");
                channel.ifPresent(c -> summary.setChannel((int) c));
                summary.setBand(twin.text(wlan + "OperatingFrequencyBand").orElse(bandOf(channel)));
                twin.text(wlan + "OperatingChannelBandwidth").ifPresent(summary::setBandwidth);
                OptionalLong associations = twin.number(wlan + "TotalAssociations");
                summary.setClients(associations.isPresent() && associations.getAsLong() >= 0
                        ? (int) Math.min(associations.getAsLong(), 10_000) : null);
                radios.add(summary);
            }
        }
        return radios;
    }

    private static String bandOf(OptionalLong channel) {
        if (channel.isEmpty() || channel.getAsLong() <= 0) {
            return null;
        }
        return channel.getAsLong() <= 14 ? "2.4GHz" : "5GHz";
    }

    private static String stripDot(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
