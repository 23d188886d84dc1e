package io.cpeoperator.operator.qoe.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The LAN DHCP server's lease time and the hosts whose lease is about to run out. */
final class DhcpReader {

    static final double SHORT_LEASE_SECONDS = 120;

    private DhcpReader() {
    }

    /** @param hostTable e.g. {@code Device.Hosts.Host.} */
    static DhcpSignals withHosts(TwinReadings twin, Reading leaseTime, String hostTable) {
        List<Reading> shortLeases = new ArrayList<>();
        List<Integer> hosts = twin.instances(hostTable);
        for (int index : hosts) {
            Optional<Reading> remaining = twin.reading(hostTable + index + ".LeaseTimeRemaining", 0, Double.MAX_VALUE);
            if (remaining.isPresent() && remaining.get().value() < SHORT_LEASE_SECONDS) {
                shortLeases.add(remaining.get());
            }
        }
        return new DhcpSignals(leaseTime, shortLeases, hosts.size());
    }
}
