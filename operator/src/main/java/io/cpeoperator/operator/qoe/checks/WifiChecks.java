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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Wi-Fi checks: per client signal, SNR, band steering, PHY rate against what the client's standard and channel
 * width allow and retransmissions; per radio ({@link WifiRadioChecks}) noise floor, channel congestion and clients.
 * Only radios that are up are judged. A low PHY rate is raised as a finding of its own only when no other Wi-Fi finding explains it.
 */
public final class WifiChecks {

    private static final Factor F = Factor.WIFI;

    private final QoeThresholds t;
    private final WifiRadioChecks radios;

    public WifiChecks(QoeThresholds thresholds) {
        this.t = thresholds;
        this.radios = new WifiRadioChecks(thresholds);
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
        results.add(radios.noise(up));
        results.add(radios.congestion(up, wifi.neighborScan()));
        results.add(bandSteering(wifi, up));
        results.add(radios.clientsPerRadio(up));
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
