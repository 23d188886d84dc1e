package io.cpeoperator.operator.qoe.signals;

import java.util.List;

/**
 * The device's Wi-Fi: radios with their clients and neighbours.
 *
 * @param neighborScan true when the device reports a neighbouring Wi-Fi scan at all (an empty scan then means no
 *                     neighbours, not "unknown")
 */
public record WifiSignals(List<RadioSignals> radios, boolean neighborScan) {

    public WifiSignals {
        radios = List.copyOf(radios);
    }

    public int clientCount() {
        return radios.stream().filter(RadioSignals::up).mapToInt(r -> r.clients().size()).sum();
    }

    public boolean hasHighBandRadioUp() {
        return radios.stream().anyMatch(r -> r.up() && r.band().isHigh());
    }
}
