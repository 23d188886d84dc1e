package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.Ramp;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.signals.DhcpSignals;
import io.cpeoperator.operator.qoe.signals.Evidence;
import io.cpeoperator.operator.qoe.signals.InterfaceCounters;
import io.cpeoperator.operator.qoe.signals.PingSignals;
import io.cpeoperator.operator.qoe.signals.PppSignals;
import io.cpeoperator.operator.qoe.signals.Reading;
import io.cpeoperator.operator.qoe.signals.SystemSignals;
import io.cpeoperator.operator.qoe.signals.WanSignals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The access link: loss (ping/UDP echo probes, and errors and discards on the WAN interface), latency, the PPP
 * session, the LAN DHCP server's leases and the WAN interface's state. Interface errors are judged between two
 * observations when the history has them (a counter reset in between is skipped), else since the counters started.
 */
public final class WanChecks {

    private static final Factor F = Factor.WAN;
    /** Errors and discards per received packet: good below 0.01 %, poor from 0.05 %. */
    static final double GOOD_ERROR_RATIO = 0.0001;
    static final double POOR_ERROR_RATIO = 0.0005;

    private final QoeThresholds t;

    public WanChecks(QoeThresholds thresholds) {
        this.t = thresholds;
    }

    public List<CheckResult> run(WanSignals wan, SystemSignals system, DeviceHistory history, Instant now) {
        List<CheckResult> results = new ArrayList<>();
        results.add(loss(wan.ping(), wan.counters(), history));
        results.add(latency(wan.ping()));
        results.add(link(wan));
        results.add(ppp(wan.ppp(), system.uptimeSeconds(), history, now));
        results.add(dhcp(wan.dhcp()));
        return results;
    }

    private CheckResult loss(Optional<PingSignals> ping, Optional<InterfaceCounters> counters,
                             DeviceHistory history) {
        Optional<ErrorRatio> errors = errorRatio(counters, history);
        if (ping.isEmpty() && errors.isEmpty()) {
            return CheckResult.unknown(F, "loss", "the device reports no completed IPPing or UDPEcho result and no "
                    + "WAN interface counters");
        }
        int score = 100;
        List<String> said = new ArrayList<>();
        List<Reading> evidence = new ArrayList<>();
        boolean lossy = false;
        boolean severe = false;
        if (ping.isPresent()) {
            PingSignals p = ping.get();
            double loss = p.lossPercent();
            score = Math.min(score, Ramp.lowerIsBetter(loss, 1, t.packetLossPercent()));
            said.add(Texts.whole(p.failures().value()) + " of " + Texts.whole(p.sent()) + " probes to " + p.host()
                    + " were lost (" + Texts.percent(loss) + ")");
            if (loss >= t.packetLossPercent()) {
                lossy = true;
                severe = loss >= 4.0 * t.packetLossPercent();
                evidence.add(p.failures());
                evidence.add(p.successes());
            }
        }
        if (errors.isPresent()) {
            ErrorRatio e = errors.get();
            score = Math.min(score, Ramp.lowerIsBetter(e.ratio(), GOOD_ERROR_RATIO, POOR_ERROR_RATIO));
            said.add("the WAN interface counted " + Texts.percent(100 * e.ratio()) + " of received packets as errors "
                    + "or discards " + e.over());
            if (e.ratio() >= POOR_ERROR_RATIO) {
                lossy = true;
                evidence.addAll(e.readings());
            }
        }
        String observation = String.join("; ", said);
        if (!lossy) {
            return CheckResult.assessed(F, "loss", score, observation);
        }
        Finding finding = new Finding(FindingCodes.WAN_PACKET_LOSS, severe ? Severity.CRITICAL : Severity.WARNING, F,
                score, "The WAN link loses packets.", observation, Texts.evidence(evidence),
                "Loss on the access link is a line or network problem, not the home's: check the line (DSL/PON "
                        + "levels, cabling) and open a ticket with the access network if it persists.");
        return CheckResult.raised(F, "loss", score, observation, finding);
    }

    private Optional<ErrorRatio> errorRatio(Optional<InterfaceCounters> counters, DeviceHistory history) {
        Optional<DeviceHistory.CounterWindow> window = history.wanErrorWindow();
        if (window.isPresent() && window.get().packets() > 0) {
            return Optional.of(new ErrorRatio(window.get().ratio(), "since "
                    + window.get().from().truncatedTo(ChronoUnit.SECONDS), counters.map(c -> {
                        List<Reading> readings = new ArrayList<>();
                        c.errorsReceived().ifPresent(readings::add);
                        c.discardsReceived().ifPresent(readings::add);
                        c.packetsReceived().ifPresent(readings::add);
                        return readings;
                    }).orElse(List.of())));
        }
        if (counters.isEmpty() || counters.get().packetsReceived().isEmpty()
                || counters.get().packetsReceived().get().value() <= 0
                || (counters.get().errorsReceived().isEmpty() && counters.get().discardsReceived().isEmpty())) {
            return Optional.empty();
        }
        InterfaceCounters c = counters.get();
        List<Reading> readings = new ArrayList<>();
        double bad = 0;
        for (Optional<Reading> r : List.of(c.errorsReceived(), c.discardsReceived())) {
            if (r.isPresent()) {
                bad += r.get().value();
                readings.add(r.get());
            }
        }
        readings.add(c.packetsReceived().get());
        return Optional.of(new ErrorRatio(bad / c.packetsReceived().get().value(), "since its counters started",
                readings));
    }

    private CheckResult latency(Optional<PingSignals> ping) {
        if (ping.isEmpty() || ping.get().average().isEmpty()) {
            return CheckResult.unknown(F, "latency", "the device reports no completed IPPing or UDPEcho round-trip "
                    + "time");
        }
        Reading average = ping.get().average().get();
        int score = Ramp.lowerIsBetter(average.value(), t.latencyMillis() / 2.0, t.latencyMillis());
        String observation = "the round trip to " + ping.get().host() + " takes " + Texts.whole(average.value())
                + " ms on average";
        if (average.value() < t.latencyMillis()) {
            return CheckResult.assessed(F, "latency", score, observation);
        }
        Severity severity = average.value() >= 3.0 * t.latencyMillis() ? Severity.CRITICAL : Severity.WARNING;
        Finding finding = new Finding(FindingCodes.WAN_HIGH_LATENCY, severity, F, score,
                "The WAN link has a high latency.", observation + " (high from " + t.latencyMillis() + " ms)",
                List.of(average.evidence()), "Latency this high on the access link points to congestion or a fault "
                + "in the access network, or a saturated uplink at home: compare with the line's other "
                + "subscribers and check the uplink load.");
        return CheckResult.raised(F, "latency", score, observation, finding);
    }

    private CheckResult link(WanSignals wan) {
        Optional<String> status = wan.counters().flatMap(InterfaceCounters::status);
        if (status.isEmpty()) {
            return CheckResult.unknown(F, "link", "the device does not say which interface is the WAN, or its state");
        }
        if (status.get().equalsIgnoreCase("Up")) {
            return CheckResult.assessed(F, "link", 100, "the WAN interface is up");
        }
        if (wan.ppp().isPresent()) {
            // a PPP session re-establishing takes the IP interface down with it: judged by the PPP check
            return CheckResult.assessed(F, "link", 50, "the WAN interface is " + status.get());
        }
        String path = wan.counters().get().path() + "Status";
        Finding finding = new Finding(FindingCodes.WAN_DOWN, Severity.CRITICAL, F, 0, "The WAN link is down.",
                "the WAN interface is " + status.get(), List.of(new Evidence(path,
                status.get(), null)), "The home has no Internet access: check the access line and the upstream "
                + "port.");
        return CheckResult.raised(F, "link", 0, finding.message(), finding);
    }

    private CheckResult ppp(Optional<PppSignals> signals, Optional<Reading> uptime, DeviceHistory history,
                            Instant now) {
        if (signals.isEmpty()) {
            return CheckResult.notApplicable(F, "ppp", "the WAN does not run over PPP");
        }
        PppSignals ppp = signals.get();
        double session = ppp.sessionSeconds().value();
        int restarts = history.sessionRestartsWithin(Duration.ofHours(1), now);
        // a young session on a router up much longer dropped; so did one that keeps coming up after repeated boots
        // (a reboot loop restarts the session, but its setup failing with an error is the line's doing)
        boolean young = session < t.pppSessionSeconds()
                && (uptime.map(u -> u.value() > session + t.pppSessionSeconds()).orElse(false)
                || history.bootsWithin(Duration.ofHours(1), now) >= 2);
        boolean down = ppp.status().map(s -> !s.equalsIgnoreCase("Connected")).orElse(false);
        boolean flapping = restarts >= 2 || ((young || down) && ppp.hadError());
        String observation = "the PPP session has been up for " + Texts.duration(session)
                + ppp.lastError().map(e -> " (last error " + e + ")").orElse("")
                + (restarts > 0 ? "; it restarted " + Texts.plural(restarts, "time", "times") + " in the last hour"
                : "");
        // a session that came up with the current boot is as old as it can be: its age says nothing of drops
        boolean sinceBoot = uptime.map(u -> u.value() - session <= DeviceHistory.SESSION_AFTER_BOOT.toSeconds())
                .orElse(false);
        int score = flapping ? (restarts >= 3 ? 10 : 35)
                : young || down ? 60 : sinceBoot ? 100 : Ramp.higherIsBetter(session, 3600, t.pppSessionSeconds());
        if (!flapping) {
            return CheckResult.assessed(F, "ppp", score, observation);
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(ppp.sessionSeconds().evidence());
        ppp.lastError().ifPresent(e -> evidence.add(new Evidence(
                ppp.path() + "LastConnectionError", e, ppp.sessionSeconds().observedAt())));
        ppp.status().ifPresent(s -> evidence.add(new Evidence(
                ppp.path() + "ConnectionStatus", s, ppp.sessionSeconds().observedAt())));
        uptime.ifPresent(u -> evidence.add(u.evidence()));
        Finding finding = new Finding(FindingCodes.PPPOE_FLAPPING, restarts >= 3 ? Severity.CRITICAL
                : Severity.WARNING, F, score, "The PPPoE session keeps dropping.", observation
                + uptime.map(u -> ", while the router has been up for " + Texts.duration(u.value())).orElse(""),
                evidence, "Session drops with " + ppp.lastError().orElse("an error")
                + " come from the access network or the BRAS: check the line's sync and the BRAS logs for "
                + "this subscriber.");
        return CheckResult.raised(F, "ppp", score, finding.message(), finding);
    }

    private CheckResult dhcp(Optional<DhcpSignals> signals) {
        if (signals.isEmpty()) {
            return CheckResult.unknown(F, "dhcp", "the device reports no DHCP server lease time");
        }
        DhcpSignals dhcp = signals.get();
        double lease = dhcp.leaseTime().value();
        if (lease < 0) {
            return CheckResult.assessed(F, "dhcp", 100, "the DHCP server hands out leases that never expire");
        }
        int score = Ramp.higherIsBetter(lease, 3600, t.dhcpLeaseSeconds());
        String observation = "the DHCP server hands out " + Texts.duration(lease) + " leases"
                + (dhcp.shortLeaseClients().isEmpty() ? "" : "; " + dhcp.shortLeaseClients().size() + " of "
                + dhcp.clients() + " hosts have less than two minutes left");
        if (lease >= t.dhcpLeaseSeconds()) {
            return CheckResult.assessed(F, "dhcp", score, observation);
        }
        List<Reading> evidence = new ArrayList<>();
        evidence.add(dhcp.leaseTime());
        evidence.addAll(dhcp.shortLeaseClients());
        Finding finding = new Finding(FindingCodes.DHCP_CHURN, Severity.WARNING, F, score,
                "LAN clients renew their DHCP leases constantly.", observation, Texts.evidence(evidence),
                "Set " + dhcp.leaseTime().path() + " to 86400 (one day): leases this short make clients renew all "
                        + "the time and lose connections when a renewal fails.");
        return CheckResult.raised(F, "dhcp", score, observation, finding);
    }

    private record ErrorRatio(double ratio, String over, List<Reading> readings) {
    }
}
