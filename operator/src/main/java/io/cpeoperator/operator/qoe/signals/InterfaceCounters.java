package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/** Packet, error and discard counters of the WAN interface (received direction), since its last reset. */
public record InterfaceCounters(String path, Optional<String> status, Optional<Reading> packetsReceived,
                                Optional<Reading> errorsReceived, Optional<Reading> discardsReceived) {
}
