package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/**
 * The wireless backhaul of a mesh node, from the Wi-Fi Data Elements ({@code Device.WiFi.DataElements.Network.
 * Device.{i}.MultiAPDevice.Backhaul.}). Its SignalStrength is an RCPI (0-220, 255 unknown): dBm = RCPI / 2 - 110.
 */
final class MeshReader {

    private MeshReader() {
    }

    static Optional<MeshSignals> read(TwinReadings twin) {
        String table = "Device.WiFi.DataElements.Network.Device.";
        for (int index : twin.instances(table)) {
            String backhaul = table + index + ".MultiAPDevice.Backhaul.";
            boolean wireless = twin.text(backhaul + "LinkType").map(t -> t.toLowerCase().contains("wi")).orElse(true);
            Optional<Reading> rcpi = twin.reading(backhaul + "Stats.SignalStrength", 0, 220);
            Optional<Reading> rate = twin.reading(backhaul + "Stats.LastDataDownlinkRate", 0, Double.MAX_VALUE);
            if (!wireless || (rcpi.isEmpty() && rate.isEmpty())) {
                continue;
            }
            return Optional.of(new MeshSignals(backhaul, rcpi, rate));
        }
        return Optional.empty();
    }
}
