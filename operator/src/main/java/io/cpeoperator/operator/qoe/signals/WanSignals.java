package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/** The access link as the twin shows it; each part is empty when the device does not report it. */
public record WanSignals(Optional<PingSignals> ping, Optional<InterfaceCounters> counters, Optional<PppSignals> ppp,
                         Optional<DhcpSignals> dhcp) {
}
