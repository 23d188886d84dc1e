package io.cpeoperator.operator.qoe.signals;

/** A network seen by the device's neighbouring Wi-Fi scan. */
public record NeighborSignals(String path, Band band, int channel, Reading signal) {
}
