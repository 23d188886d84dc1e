package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.Ramp;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.signals.Band;
import io.cpeoperator.operator.qoe.signals.ClientSignals;
import io.cpeoperator.operator.qoe.signals.Reading;
import io.cpeoperator.operator.qoe.signals.RadioSignals;
import io.cpeoperator.operator.qoe.signals.WifiSignals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Wi-Fi checks: client signal, SNR, noise floor, channel congestion, band steering, PHY rate against what the
 * client's standard and channel width allow, retransmissions and clients per radio. Only radios that are up are
 * judged. A low PHY rate is raised as a finding of its own only when no other Wi-Fi finding explains it.
 */
public final class WifiChecks {

    private static final Factor F = Factor.WIFI;

    private final QoeThresholds t;

    public WifiChecks(QoeThresholds thresholds) {
        this.t = thresholds;
    }

    public List<CheckResult> run(Optional<WifiSignals> signals) {
        if (signals.isEmpty()) {
            return List.of(CheckResult.unknown(F, "wifi", "the device reports no Wi-Fi radio"));
        }
        WifiSignals wifi = signals.get();
        List<RadioSignals> up = wifi.radios().stream().filter(RadioSignals::up).toList();
        if (up.isEmpty()) {
            return List.of(CheckResult.notApplicable(F, "wifi", "every Wi-Fi radio is disabled or down"));
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(clientSignal(up));
        results.add(snr(up));
        results.add(noise(up));
        results.add(congestion(up, wifi.neighborScan()));
        results.add(bandSteering(wifi, up));
        results.add(clientsPerRadio(up));
        results.add(retransmissions(up));
        CheckResult phy = phyRate(up);
        boolean explained = results.stream().anyMatch(r -> r.finding().isPresent());
        results.add(explained && phy.finding().isPresent()
                ? CheckResult.assessed(F, phy.check(), phy.score(), phy.observation()) : phy);
        return results;
    }

    private CheckResult clientSignal(List<RadioSignals> radios) {
        List<Client> clients = clients(radios);
        if (clients.isEmpty()) {
            return CheckResult.notApplicable(F, "clientSignal", "no Wi-Fi client is associated");
        }
        List<Client> measured = clients.stream().filter(c -> c.client().signal().isPresent()).toList();
        if (measured.isEmpty()) {
            return CheckResult.unknown(F, "clientSignal", "the device reports no per-client signal strength");
        }
        List<Client> weak = new ArrayList<>();
        int min = 100;
        double sum = 0;
        Client weakest = null;
        for (Client c : measured) {
            double signal = c.client().signal().get().value();
            int score = Ramp.higherIsBetter(signal, t.goodSignalDbm(), t.weakSignalDbm());
            min = Math.min(min, score);
            sum += score;
            if (signal <= t.weakSignalDbm()) {
                weak.add(c);
            }
            if (weakest == null || signal < weakest.client().signal().get().value()) {
                weakest = c;
            }
        }
        int score = (int) Math.round(0.5 * min + 0.5 * sum / measured.size());
        String weakestText = Texts.dbm(weakest.client().signal().get().value()) + " on " + weakest.radio().band().label();
        if (weak.isEmpty()) {
            return CheckResult.assessed(F, "clientSignal", score, Texts.plural(measured.size(), "client", "clients")
                    + ", the weakest at " + weakestText);
        }
        Severity severity = weak.size() >= 2 && weak.size() * 2 >= measured.size() ? Severity.CRITICAL
                : Severity.WARNING;
        String message = weak.size() + " of " + measured.size() + " Wi-Fi clients are at or below "
                + Texts.dbm(t.weakSignalDbm()) + " (" + byBand(weak) + "; the weakest at " + weakestText + ")";
        Finding finding = new Finding(FindingCodes.WIFI_WEAK_CLIENT_SIGNAL, severity, F, score,
                "Wi-Fi clients have a weak signal.", message,
                Texts.evidence(weak.stream().map(c -> c.client().signal().get()).toList()),
                "These clients are far from the router or behind walls: move the router to a central, open spot, or "
                        + "add a mesh node or repeater near them.");
        return CheckResult.raised(F, "clientSignal", score, message, finding);
    }

    private CheckResult snr(List<RadioSignals> radios) {
        List<Double> ratios = new ArrayList<>();
        double lowest = Double.MAX_VALUE;
        for (Client c : clients(radios)) {
            Optional<Reading> noise = c.client().noise().or(c.radio()::noise);
            if (c.client().signal().isPresent() && noise.isPresent()) {
                double snr = c.client().signal().get().value() - noise.get().value();
                ratios.add(snr);
                lowest = Math.min(lowest, snr);
            }
        }
        if (ratios.isEmpty()) {
            return CheckResult.unknown(F, "snr", "the device reports no client signal together with a noise floor");
        }
        int min = 100;
        double sum = 0;
        for (double snr : ratios) {
            int score = Ramp.higherIsBetter(snr, t.goodSnrDb(), t.poorSnrDb());
            min = Math.min(min, score);
            sum += score;
        }
        return CheckResult.assessed(F, "snr", (int) Math.round(0.5 * min + 0.5 * sum / ratios.size()),
                "the lowest client SNR is " + Texts.whole(lowest) + " dB");
    }

    private CheckResult noise(List<RadioSignals> radios) {
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

    private CheckResult congestion(List<RadioSignals> radios, boolean scan) {
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

    private CheckResult bandSteering(WifiSignals wifi, List<RadioSignals> radios) {
        if (!wifi.hasHighBandRadioUp()) {
            return CheckResult.notApplicable(F, "bandSteering", "no 5 or 6 GHz radio is up");
        }
        List<Client> low = clients(radios).stream().filter(c -> c.radio().band() == Band.GHZ_2_4).toList();
        if (low.isEmpty()) {
            return CheckResult.notApplicable(F, "bandSteering", "no client is on 2.4 GHz");
        }
        List<Client> known = low.stream().filter(c -> c.client().supportsHighBand().isPresent()
                && c.client().signal().isPresent()).toList();
        if (known.isEmpty()) {
            return CheckResult.unknown(F, "bandSteering", "the device does not say which 2.4 GHz clients can use "
                    + "5 GHz");
        }
        List<Client> stuck = known.stream().filter(c -> c.client().supportsHighBand().get()
                && c.client().signal().get().value() >= t.stickyClientDbm()).toList();
        int score = Math.max(0, 100 - 30 * stuck.size());
        if (stuck.isEmpty()) {
            return CheckResult.assessed(F, "bandSteering", score, "no 5 GHz-capable client with a strong signal is "
                    + "held on 2.4 GHz");
        }
        String message = stuck.size() + " of " + low.size() + " clients on 2.4 GHz can use 5 GHz and have a strong "
                + "signal (" + Texts.dbm(t.stickyClientDbm()) + " or better)";
        Finding finding = new Finding(FindingCodes.WIFI_BAND_STEERING_MISSED, Severity.WARNING, F, score,
                "5 GHz-capable clients are held on 2.4 GHz.", message,
                Texts.evidence(stuck.stream().map(c -> c.client().signal().get()).toList()),
                "Turn on band steering (or one SSID for both bands) so these clients move to the faster, less crowded "
                        + "5 GHz band.");
        return CheckResult.raised(F, "bandSteering", score, message, finding);
    }

    private CheckResult clientsPerRadio(List<RadioSignals> radios) {
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

    private CheckResult retransmissions(List<RadioSignals> radios) {
        int min = 100;
        double sum = 0;
        int counted = 0;
        double worst = 0;
        for (Client c : clients(radios)) {
            Optional<Reading> retries = c.client().retransmissions();
            Optional<Reading> packets = c.client().packetsSent();
            if (retries.isPresent() && packets.isPresent() && packets.get().value() > 0) {
                double ratio = retries.get().value() / packets.get().value();
                int score = Ramp.lowerIsBetter(ratio, 0.05, 0.15);
                min = Math.min(min, score);
                sum += score;
                counted++;
                worst = Math.max(worst, ratio);
            }
        }
        if (counted == 0) {
            return CheckResult.unknown(F, "retransmissions", "the device reports no per-client retransmissions");
        }
        return CheckResult.assessed(F, "retransmissions", (int) Math.round(0.5 * min + 0.5 * sum / counted),
                "up to " + Texts.whole(100 * worst) + " retransmissions per 100 packets sent");
    }

    private CheckResult phyRate(List<RadioSignals> radios) {
        List<Double> shares = new ArrayList<>();
        List<Reading> slow = new ArrayList<>();
        for (Client c : clients(radios)) {
            if (c.client().downlinkKbps().isEmpty()) {
                continue;
            }
            double max = PhyRates.maxKbps(c.client().standard(), c.radio().band(), c.radio().bandwidthMhz());
            double share = Math.min(1.0, c.client().downlinkKbps().get() / max);
            shares.add(share);
            if (share < 0.25) {
                slow.add(c.client().downlinkRate().get());
            }
        }
        if (shares.isEmpty()) {
            return CheckResult.unknown(F, "phyRate", "the device reports no client PHY rates");
        }
        List<Double> sorted = shares.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        int score = Ramp.higherIsBetter(median, 0.5, 0.25);
        String observation = "the median client link runs at " + Texts.whole(100 * median)
                + " % of what its standard and channel width allow";
        if (median >= 0.25) {
            return CheckResult.assessed(F, "phyRate", score, observation);
        }
        Finding finding = new Finding(FindingCodes.WIFI_LOW_PHY_RATE, Severity.WARNING, F, score,
                "Wi-Fi clients connect far below their possible rate.", observation, Texts.evidence(slow),
                "Check for old clients slowing the network, a narrowed channel width, or interference the scan "
                        + "does not show.");
        return CheckResult.raised(F, "phyRate", score, observation, finding);
    }

    private static String byBand(List<Client> clients) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Client c : clients) {
            counts.merge(c.radio().band().label(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((band, count) -> parts.add(count + " on " + band));
        return String.join(", ", parts);
    }

    private static List<Client> clients(List<RadioSignals> radios) {
        List<Client> clients = new ArrayList<>();
        for (RadioSignals radio : radios) {
            for (ClientSignals client : radio.clients()) {
                clients.add(new Client(radio, client));
            }
        }
        return clients;
    }

    private record Client(RadioSignals radio, ClientSignals client) {
    }
}
