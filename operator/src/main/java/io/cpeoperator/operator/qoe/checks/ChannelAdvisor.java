package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.signals.Band;
import io.cpeoperator.operator.qoe.signals.NeighborSignals;
import io.cpeoperator.operator.qoe.signals.RadioSignals;

import java.util.List;
import java.util.Optional;

/**
 * Picks the channel the neighbour scan shows least used. On 2.4 GHz only 1, 6 and 11 do not overlap, and a network
 * on a channel less than five away interferes; on 5 and 6 GHz networks on the same channel do. A strong network
 * (above {@code strongDbm}) counts double.
 */
final class ChannelAdvisor {

    private static final List<Integer> NON_OVERLAPPING_2G = List.of(1, 6, 11);
    private static final List<Integer> COMMON_5G = List.of(36, 44, 52, 100, 116, 149);

    private ChannelAdvisor() {
    }

    /** A channel better than the current one, with the networks the scan found interfering with it. */
    record Advice(int channel, int networks) {
    }

    static boolean interferes(Band band, int a, int b) {
        return band == Band.GHZ_2_4 ? Math.abs(a - b) < 5 : a == b;
    }

    static int load(RadioSignals radio, int channel, int strongDbm) {
        int load = 0;
        for (NeighborSignals neighbor : radio.neighbors()) {
            if (interferes(radio.band(), neighbor.channel(), channel)) {
                load += neighbor.signal().value() > strongDbm ? 2 : 1;
            }
        }
        return load;
    }

    static int networks(RadioSignals radio, int channel) {
        return (int) radio.neighbors().stream().filter(n -> interferes(radio.band(), n.channel(), channel)).count();
    }

    /** Empty when no channel is clearly less used than the current one. */
    static Optional<Advice> better(RadioSignals radio, int strongDbm) {
        if (radio.channel().isEmpty() || radio.neighbors().isEmpty()) {
            return Optional.empty();
        }
        int current = (int) radio.channel().get().value();
        List<Integer> candidates = switch (radio.band()) {
            case GHZ_2_4 -> NON_OVERLAPPING_2G;
            case GHZ_5 -> radio.possibleChannels().isEmpty() ? COMMON_5G : radio.possibleChannels();
            default -> radio.possibleChannels();
        };
        int currentLoad = load(radio, current, strongDbm);
        Advice best = null;
        int bestLoad = currentLoad;
        for (int candidate : candidates) {
            if (candidate == current || (!radio.possibleChannels().isEmpty()
                    && !radio.possibleChannels().contains(candidate))) {
                continue;
            }
            int load = load(radio, candidate, strongDbm);
            // clearly better: at most half the interference of the current channel
            if (load < bestLoad && load * 2 <= currentLoad) {
                bestLoad = load;
                best = new Advice(candidate, networks(radio, candidate));
            }
        }
        return Optional.ofNullable(best);
    }
}
