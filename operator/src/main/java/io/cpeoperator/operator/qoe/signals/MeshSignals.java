package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/**
 * A mesh node's wireless backhaul (Wi-Fi Data Elements / EasyMesh).
 *
 * @param rcpi     the backhaul's SignalStrength as the device reports it: an RCPI, 0-220
 * @param rateKbps LastDataDownlinkRate of the backhaul
 */
public record MeshSignals(String path, Optional<Reading> rcpi, Optional<Reading> rateKbps) {

    /** The signal in dBm: RCPI / 2 - 110 (IEEE 802.11). */
    public Optional<Double> signalDbm() {
        return rcpi.map(r -> r.value() / 2.0 - 110);
    }
}
