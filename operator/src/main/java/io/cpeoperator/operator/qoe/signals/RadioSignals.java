package io.cpeoperator.operator.qoe.signals;

import java.util.List;
import java.util.Optional;

/**
 * One Wi-Fi radio with its clients and the networks the neighbour scan found on its band.
 *
 * @param path             the radio object, ending in '.' (TR-098: the WLANConfiguration)
 * @param up               false when the radio is disabled or down (its clients and channel are then not judged)
 * @param channel          the channel in use
 * @param bandwidthMhz     the channel width in use, empty when unknown or "Auto" without a current value
 * @param possibleChannels channels the radio may use, as reported (empty when not reported)
 * @param utilization      channel utilization in percent where the device reports it
 * @param noise            the radio's noise floor (dBm) where reported
 */
public record RadioSignals(String path, Band band, boolean up, Optional<Reading> channel, Optional<Integer> bandwidthMhz,
                           List<Integer> possibleChannels, Optional<Reading> utilization, Optional<Reading> noise,
                           List<ClientSignals> clients, List<NeighborSignals> neighbors) {

    public RadioSignals {
        possibleChannels = List.copyOf(possibleChannels);
        clients = List.copyOf(clients);
        neighbors = List.copyOf(neighbors);
    }

    /** A name for a person: "the 2.4 GHz radio (channel 6)". */
    public String describe() {
        return "the " + band.label() + " radio" + channel.map(c -> " (channel " + c.valueText() + ")").orElse("");
    }
}
