package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.Ramp;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.signals.Band;
import io.cpeoperator.operator.qoe.signals.RadioSignals;
import io.cpeoperator.operator.qoe.signals.Reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks of a radio as a whole: its noise floor, how busy its channel is, how many clients it serves. */
final class WifiRadioChecks {

    private static final Factor F = Factor.WIFI;

    private final QoeThresholds t;

    WifiRadioChecks(QoeThresholds thresholds) {
        this.t = thresholds;
    }

    CheckResult noise(List<RadioSignals> radios) {
        RadioSignals worst = null;
        for (RadioSignals radio : radios) {
            if (radio.noise().isPresent()
                    && (worst == null || radio.noise().get().value() > worst.noise().get().value())) {
                worst = radio;
            }
        }
        if (worst == null) {
            return CheckResult.unknown(F, "noise", "the device reports no radio noise floor");
        }
        Reading noise = worst.noise().get();
        int score = Ramp.lowerIsBetter(noise.value(), t.highNoiseDbm() - 10, t.highNoiseDbm());
        String observation = "the noise floor of " + worst.describe() + " is " + Texts.dbm(noise.value());
        if (noise.value() < t.highNoiseDbm()) {
            return CheckResult.assessed(F, "noise", score, observation);
        }
        Severity severity = noise.value() >= t.highNoiseDbm() + 5 ? Severity.CRITICAL : Severity.WARNING;
        String move = ChannelAdvisor.better(worst, t.strongNeighborDbm())
                .map(a -> " Moving it to channel " + a.channel() + " may help.").orElse("");
        Finding finding = new Finding(FindingCodes.WIFI_HIGH_NOISE, severity, F, score,
                "The " + worst.band().label() + " radio hears a high noise floor.",
                observation + " (high from " + Texts.dbm(t.highNoiseDbm()) + "; a quiet channel is near -90 dBm)",
                List.of(noise.evidence()),
                "Noise this high comes from a non-Wi-Fi source near the router (microwave oven, video sender, baby "
                        + "monitor, USB 3 device, a failing power supply): move it away from the router." + move);
        return CheckResult.raised(F, "noise", score, finding.message(), finding);
    }


    CheckResult congestion(List<RadioSignals> radios, boolean scan) {
        CheckResult worst = null;
        for (RadioSignals radio : radios) {
            CheckResult result = congestion(radio, scan);
            if (result.assessed() && (worst == null || !worst.assessed() || result.score() < worst.score())) {
                worst = result;
            } else if (worst == null) {
                worst = result;
            }
        }
        return worst;
    }


    private CheckResult congestion(RadioSignals radio, boolean scan) {
        if (radio.channel().isEmpty() || (radio.utilization().isEmpty() && !scan)) {
            return CheckResult.unknown(F, "congestion", "the device reports neither channel utilization nor a "
                    + "neighbouring Wi-Fi scan");
        }
        int channel = (int) radio.channel().get().value();
        List<Reading> strong = radio.neighbors().stream()
                .filter(n -> ChannelAdvisor.interferes(radio.band(), n.channel(), channel)
                        && n.signal().value() > t.strongNeighborDbm())
                .map(n -> n.signal()).toList();
        int score;
        boolean congested;
        List<Reading> evidence = new ArrayList<>();
        String observation;
        if (radio.utilization().isPresent()) {
            Reading busy = radio.utilization().get();
            score = Ramp.lowerIsBetter(busy.value(), t.busyChannelPercent() - 20, t.busyChannelPercent());
            congested = busy.value() > t.busyChannelPercent();
            evidence.add(busy);
            observation = "channel " + channel + " on the " + radio.band().label() + " radio is "
                    + Texts.percent(busy.value()) + " busy";
        } else {
            score = Ramp.lowerIsBetter(strong.size(), Math.max(0, t.congestedNeighbors() - 3), t.congestedNeighbors());
            congested = strong.size() >= t.congestedNeighbors();
            observation = "channel " + channel + " on the " + radio.band().label() + " radio";
        }
        observation += " with " + Texts.plural(strong.size(), "neighbouring network", "neighbouring networks")
                + " stronger than " + Texts.dbm(t.strongNeighborDbm()) + " on it";
        if (!congested) {
            return CheckResult.assessed(F, "congestion", score, observation);
        }
        evidence.addAll(strong);
        boolean severe = radio.utilization().map(u -> u.value() >= 90).orElse(false)
                || strong.size() >= 2 * t.congestedNeighbors();
        String action = ChannelAdvisor.better(radio, t.strongNeighborDbm())
                .map(a -> "Move the " + radio.band().label() + " radio from channel " + channel + " to channel "
                        + a.channel() + ", where the scan found " + Texts.plural(a.networks(), "network",
                        "networks") + " (against " + ChannelAdvisor.networks(radio, channel) + " on channel "
                        + channel + ").")
                .orElse("No channel is clearly less used: move clients that can to "
                        + (radio.band() == Band.GHZ_2_4 ? "5 GHz" : "another band")
                        + ", or narrow the channel width.");
        Finding finding = new Finding(FindingCodes.WIFI_CHANNEL_CONGESTED, severe ? Severity.CRITICAL
                : Severity.WARNING, F, score, "The " + radio.band().label() + " channel is congested.",
                observation.substring(0, 1).toUpperCase() + observation.substring(1), Texts.evidence(evidence),
                action);
        return CheckResult.raised(F, "congestion", score, finding.message(), finding);
    }


    CheckResult clientsPerRadio(List<RadioSignals> radios) {
        RadioSignals busiest = radios.stream().max(Comparator.comparingInt(r -> r.clients().size())).orElseThrow();
        int count = busiest.clients().size();
        int score = Ramp.lowerIsBetter(count, t.clientsPerRadio() * 0.6, t.clientsPerRadio());
        String observation = Texts.plural(count, "client", "clients") + " on " + busiest.describe();
        if (count < t.clientsPerRadio()) {
            return CheckResult.assessed(F, "clientsPerRadio", score, observation);
        }
        Finding finding = new Finding(FindingCodes.WIFI_RADIO_OVERLOADED, Severity.WARNING, F, score,
                "One radio serves too many clients.", observation + " (many from " + t.clientsPerRadio() + ")",
                List.of(), "Spread the clients: band steering to another band, or a second access point.");
        return CheckResult.raised(F, "clientsPerRadio", score, observation, finding);
    }
}
