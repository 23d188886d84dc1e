package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/**
 * One associated Wi-Fi client.
 *
 * @param path            the AssociatedDevice instance, ending in '.'
 * @param signal          SignalStrength (dBm); empty on TR-098, which has none
 * @param noise           the client's Noise (dBm) where reported
 * @param downlinkRate    LastDataDownlinkRate (kbps), or TR-098's LastDataTransmitRate (Mbps, see rateInMbps)
 * @param standard        OperatingStandard ("n", "ac", "ax", "be"), empty when unknown
 * @param supportsHighBand true / false when the device says whether the client can use 5 or 6 GHz, empty when not
 * @param retransmissions Retransmissions (a counter since association)
 * @param packetsSent     Stats.PacketsSent (a counter since association)
 */
public record ClientSignals(String path, String mac, Optional<Reading> signal, Optional<Reading> noise,
                            Optional<Reading> downlinkRate, Optional<String> standard,
                            Optional<Boolean> supportsHighBand, Optional<Reading> retransmissions,
                            Optional<Reading> packetsSent, boolean rateInMbps) {

    /** The downlink PHY rate in kbps, whatever unit the data model uses. */
    public Optional<Double> downlinkKbps() {
        return downlinkRate.map(r -> rateInMbps ? r.value() * 1000 : r.value());
    }
}
