package io.cpeoperator.operator.qoe.signals;

import java.util.List;

/**
 * The LAN DHCP server.
 *
 * @param leaseTime          the lease time handed out (seconds)
 * @param shortLeaseClients  clients whose lease runs out within two minutes
 */
public record DhcpSignals(Reading leaseTime, List<Reading> shortLeaseClients, int clients) {

    public DhcpSignals {
        shortLeaseClients = List.copyOf(shortLeaseClients);
    }
}
