package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

import java.time.Instant;
import java.util.List;

import static io.cpeoperator.bridge.twin.ParameterType.BOOLEAN;
import static io.cpeoperator.bridge.twin.ParameterType.DATE_TIME;
import static io.cpeoperator.bridge.twin.ParameterType.INT;
import static io.cpeoperator.bridge.twin.ParameterType.STRING;
import static io.cpeoperator.bridge.twin.ParameterType.UNSIGNED_INT;

/**
 * The LAN side of a TR-181 gateway: DHCPv4 client/server with its leases, and {@code Device.Hosts.}. Hosts come and
 * go with the household's day; under DHCP churn leases are short and clients change every few minutes.
 */
final class Tr181LanHosts {

    private Tr181LanHosts() {
    }

    static void define(SchemaBuilder b, VendorModel model) {
        dhcp(b, model);
        hosts(b);
    }

    private static void dhcp(SchemaBuilder b, VendorModel model) {
        b.object("Device.DHCPv4.")
                .ro("ClientNumberOfEntries", UNSIGNED_INT, ValueSource.constant(model.pppoeWan() ? "0" : "1"));
        if (!model.pppoeWan()) {
            b.object("Device.DHCPv4.Client.1.")
                    .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                    .ro("Interface", "Device.IP.Interface.1")
                    .ro("Status", "Enabled")
                    .ro("DHCPStatus", "Bound")
                    .ro("IPAddress", STRING, Telemetry::wanAddress)
                    .ro("SubnetMask", "255.255.192.0")
                    .ro("IPRouters", "100.64.0.1")
                    .ro("DNSServers", "100.64.0.53")
                    .ro("LeaseTimeRemaining", INT, d -> Long.toString(43_200 - d.uptimeSeconds() % 43_200));
        }
        String pool = "Device.DHCPv4.Server.Pool.1.";
        b.object("Device.DHCPv4.Server.")
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("PoolNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"));
        b.object(pool)
                .rw("Enable", BOOLEAN, ValueSource.constant("true"))
                .ro("Status", "Enabled")
                .ro("Alias", "cpe-pool-1")
                .ro("Interface", "Device.IP.Interface.2")
                .rw("MinAddress", STRING, ValueSource.constant("192.168.1.100"))
                .rw("MaxAddress", STRING, ValueSource.constant("192.168.1.249"))
                .rw("SubnetMask", STRING, ValueSource.constant("255.255.255.0"))
                .rw("DNSServers", STRING, ValueSource.constant("192.168.1.1"))
                .rw("DomainName", STRING, ValueSource.constant("home"))
                .rw("IPRouters", STRING, ValueSource.constant("192.168.1.1"))
                .rw("LeaseTime", INT, d -> d.has(Scenario.DHCP_CHURN) ? "120" : "86400", ValueCheck.range(-1, 31_536_000))
                .ro("ClientNumberOfEntries", UNSIGNED_INT, d -> Integer.toString(hostCount(d)));
        b.table(pool + "StaticAddress.", 32, "Chaddr")
                .column("Enable", BOOLEAN, true, "false")
                .column("Alias", STRING, true, "")
                .column("Chaddr", STRING, true, "")
                .column("Yiaddr", STRING, true, "")
                .done(List.of());
        for (int slot = 0; slot < Telemetry.HOST_SLOTS; slot++) {
            int s = slot;
            b.object(pool + "Client." + (slot + 1) + ".", d -> s < hostCount(d))
                    .ro("Chaddr", STRING, d -> Telemetry.clientMac(d, s))
                    .ro("Active", BOOLEAN, ValueSource.constant("true"))
                    .ro("IPv4Address.1.IPAddress", STRING, d -> hostAddress(d, s))
                    .ro("IPv4Address.1.LeaseTimeRemaining", DATE_TIME, d -> Instant.ofEpochMilli(d.now() + 1000L * leaseRemaining(d, s)).toString());
        }
    }

    static int hostCount(DeviceFacts d) {
        return Math.min(Telemetry.HOST_SLOTS, Telemetry.clientCount(d, 1) + Telemetry.clientCount(d, 2)
                + Telemetry.clientCount(d, 3) + 1 + (int) (3 * Wander.unit(d.seed(), 450)));
    }

    static long leaseRemaining(DeviceFacts d, int slot) {
        long lease = d.has(Scenario.DHCP_CHURN) ? 120 : 86_400;
        return lease - Math.floorMod(d.now() / 1000 + slot * 977L + d.seed(), lease);
    }

    static String hostAddress(DeviceFacts d, int slot) {
        long epoch = d.has(Scenario.DHCP_CHURN) ? d.now() / 360_000 : 0;
        return "192.168.1." + (100 + Math.floorMod(slot * 7 + epoch * 13 + d.seed(), 150));
    }

    private static final String[] HOST_NAMES = {"iPhone", "Galaxy-S23", "LivingRoom-TV", "MacBook-Pro", "ThinkPad",
        "Echo-Dot", "PS5", "Kindle", "HP-LaserJet", "Pixel-8", "iPad", "Nest-Thermostat"};

    private static void hosts(SchemaBuilder b) {
        b.object("Device.Hosts.").ro("HostNumberOfEntries", UNSIGNED_INT, d -> Integer.toString(hostCount(d)));
        for (int slot = 0; slot < Telemetry.HOST_SLOTS; slot++) {
            int s = slot;
            boolean wifi = slot < 2 * Telemetry.CLIENT_SLOTS_PER_AP;
            b.object("Device.Hosts.Host." + (slot + 1) + ".", d -> s < hostCount(d))
                    .ro("Alias", "cpe-host-" + (slot + 1))
                    .ro("PhysAddress", STRING, d -> Telemetry.clientMac(d, s))
                    .ro("IPAddress", STRING, d -> hostAddress(d, s))
                    .ro("AddressSource", "DHCP")
                    .ro("DHCPClient", "Device.DHCPv4.Server.Pool.1.Client." + (slot + 1))
                    .ro("LeaseTimeRemaining", INT, d -> Long.toString(leaseRemaining(d, s)))
                    .ro("AssociatedDevice", wifi ? "Device.WiFi.AccessPoint." + (slot / Telemetry.CLIENT_SLOTS_PER_AP + 1)
                            + ".AssociatedDevice." + (slot % Telemetry.CLIENT_SLOTS_PER_AP + 1) : "")
                    .ro("Layer1Interface", wifi ? "Device.WiFi.SSID." + (slot / Telemetry.CLIENT_SLOTS_PER_AP + 1) : "Device.Ethernet.Interface.2")
                    .ro("Layer3Interface", "Device.IP.Interface.2")
                    .ro("HostName", STRING, d -> HOST_NAMES[(int) (HOST_NAMES.length * Wander.unit(d.seed(), 460 + s))])
                    .ro("Active", BOOLEAN, ValueSource.constant("true"))
                    .ro("ActiveLastChange", DATE_TIME, d -> Instant.ofEpochMilli(d.now() - 1000L * (120 + Math.floorMod(d.seed() + s * 31L, 7200))).toString())
                    .ro("IPv4AddressNumberOfEntries", UNSIGNED_INT, ValueSource.constant("1"))
                    .ro("IPv4Address.1.IPAddress", STRING, d -> hostAddress(d, s));
        }
    }
}
