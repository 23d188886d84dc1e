package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Peaks;
import io.cpeoperator.simulator.scenario.Scenario;

import java.util.Locale;

/**
 * The moving quantities of a home gateway, as pure functions of the device's facts and simulated time. Scenario
 * signatures are applied here, so that every protocol and every root (TR-181, TR-098) shows the same condition.
 */
public final class Telemetry {

    public static final int CLIENT_SLOTS_PER_AP = 8;
    public static final int HOST_SLOTS = 24;
    public static final int NEIGHBOR_SLOTS = 16;
    /** Share of the memory a leaking device loses per simulated day of uptime. */
    public static final double LEAK_SHARE_PER_DAY = 0.18;

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;

    private Telemetry() {
    }

    /** The interference signature shows now: always, or in its daily hours for recurring-interference. */
    public static boolean interfered(DeviceFacts d) {
        return d.has(Scenario.INTERFERENCE) || d.has(Scenario.RECURRING_INTERFERENCE) && Peaks.interferenceHours(d.now());
    }

    /** The WAN loses packets and is slow: on the device's own line, or because its access node is failing. */
    public static boolean wanImpaired(DeviceFacts d) {
        return d.has(Scenario.WAN_LOSS) || d.has(Scenario.BAD_ACCESS_NODE);
    }

    // ----- Wi-Fi clients -------------------------------------------------------------------------------------

    /** How many clients are associated to access point {@code ap} (1-based) right now. */
    public static int clientCount(DeviceFacts d, int ap) {
        if (ap > 2) {
            return ap == 3 ? (int) (2 * Wander.smooth(d.seed(), 300 + ap, d.now(), 3 * HOUR)) : 0;
        }
        double base = 2 + 5 * Wander.unit(d.seed(), 100 + ap);
        double count = base * (0.35 + 0.65 * Wander.dailyActivity(d.now()))
                + Wander.between(d.seed(), 110 + ap, d.now(), 40 * MINUTE, -1, 1.5);
        if (d.has(Scenario.EVENING_PEAK)) {
            count = 1 + 6 * Peaks.eveningLoad(d.now()) + Wander.between(d.seed(), 110 + ap, d.now(), 40 * MINUTE, -0.4, 0.4);
        }
        if (d.has(Scenario.STICKY_2G) && band(d, ap) == Band.GHZ_2_4) {
            count += 2;
        }
        if ((d.has(Scenario.WEAK_SIGNAL) || interfered(d)) && count < 2) {
            count = 2;
        }
        return (int) Math.max(0, Math.min(CLIENT_SLOTS_PER_AP, Math.round(count)));
    }

    public static Presence clientPresence(int ap, int slot) {
        return d -> slot < clientCount(d, ap);
    }

    /** The band access point {@code ap} serves on this device's model. */
    public static Band band(DeviceFacts d, int ap) {
        return d.model().accessPointBand(ap);
    }

    /** A client's MAC: stable for a day, unless the device suffers DHCP churn (new clients every few minutes). */
    public static String clientMac(DeviceFacts d, int clientIndex) {
        long epoch = d.has(Scenario.DHCP_CHURN) ? d.now() / (6 * MINUTE) : d.now() / (24 * HOUR);
        long bits = Wander.mix(d.seed() * 31 + clientIndex * 7919L + epoch * 104729L);
        return mac(0x02 | (bits & 0xFC), bits >>> 8);
    }

    /**
     * Whether a client also speaks 5 GHz. Clients of a 5 GHz access point do; on 2.4 GHz about a third do, and with
     * sticky-2g the first four of the home network's clients.
     */
    public static boolean dualBandCapable(DeviceFacts d, int ap, int slot) {
        if (band(d, ap) != Band.GHZ_2_4) {
            return true;
        }
        if (d.has(Scenario.STICKY_2G) && ap <= 2) {
            return slot < 4;
        }
        return Wander.unit(d.seed(), 9500 + ap * 16 + slot) < 0.3;
    }

    /**
     * Client signal in dBm. A healthy dual-band client stays on 2.4 GHz only where 5 GHz would not reach it, that is
     * with a signal of -72..-69 dBm (below -67, above the -75 of a weak client); a sticky one stays at -52..-34.
     */
    public static int signalStrength(DeviceFacts d, int ap, int slot) {
        int key = 1000 + ap * 16 + slot;
        if (d.has(Scenario.WEAK_SIGNAL) && slot < 2) {
            return (int) Math.round(Wander.between(d.seed(), key, d.now(), 15 * MINUTE, -88, -78));
        }
        boolean twoGhz = band(d, ap) == Band.GHZ_2_4;
        if (twoGhz && d.has(Scenario.STICKY_2G) && ap <= 2 && slot < 4) {
            double base = -38 - 10 * Wander.unit(d.seed(), key);
            return (int) Math.round(base + Wander.between(d.seed(), key + 1, d.now(), 10 * MINUTE, -4, 4));
        }
        if (twoGhz && dualBandCapable(d, ap, slot)) {
            return (int) Math.round(-70.5 + Wander.between(d.seed(), key + 1, d.now(), 10 * MINUTE, -1.5, 1.5));
        }
        double base = -42 - 26 * Wander.unit(d.seed(), key);
        return (int) Math.round(base + Wander.between(d.seed(), key + 1, d.now(), 10 * MINUTE, -4, 4));
    }

    /** Noise floor in dBm of a radio on {@code band}; high-noise hits 5 GHz, interference 2.4 GHz. */
    public static int noiseFloor(DeviceFacts d, Band band) {
        int key = 2001 + band.ordinal();
        if (d.has(Scenario.HIGH_NOISE) && band == Band.GHZ_5) {
            return (int) Math.round(Wander.between(d.seed(), key, d.now(), 20 * MINUTE, -72, -65));
        }
        if (interfered(d) && band == Band.GHZ_2_4) {
            return (int) Math.round(Wander.between(d.seed(), key, d.now(), 20 * MINUTE, -88, -82));
        }
        return (int) Math.round(Wander.between(d.seed(), key, d.now(), 30 * MINUTE, -97, -92));
    }

    /** Share of airtime the radio on {@code band} finds busy, in percent: 75..95 on an interfered 2.4 GHz channel. */
    public static int channelUtilization(DeviceFacts d, Band band) {
        int key = 2100 + band.ordinal();
        if (interfered(d) && band == Band.GHZ_2_4) {
            return (int) Math.round(Wander.between(d.seed(), key, d.now(), 15 * MINUTE, 75, 95));
        }
        double busy = 10 + 20 * Wander.dailyActivity(d.now()) * Wander.unit(d.seed(), key + 10);
        return (int) Math.round(Math.min(45, busy + Wander.between(d.seed(), key, d.now(), 15 * MINUTE, 0, 10)));
    }

    /** PHY rate in kbps that fits the client's signal-to-noise ratio and band. */
    public static long downlinkRateKbps(DeviceFacts d, int ap, int slot) {
        Band band = band(d, ap);
        int snr = signalStrength(d, ap, slot) - noiseFloor(d, band);
        double max = switch (band) {
            case GHZ_2_4 -> 286_000;
            case GHZ_5 -> 1_200_000;
            case GHZ_6 -> 2_400_000;
        };
        double share = Math.max(0.02, Math.min(1.0, (snr - 5) / 45.0));
        if (interfered(d) && band == Band.GHZ_2_4) {
            share *= 0.45;
        }
        return Math.round(max * share * Wander.between(d.seed(), 3000 + ap * 16 + slot, d.now(), 5 * MINUTE, 0.8, 1.0));
    }

    public static long retransmissions(DeviceFacts d, int ap, int slot) {
        double perMinute = interfered(d) && band(d, ap) == Band.GHZ_2_4 ? 900 : 12;
        if (d.has(Scenario.WEAK_SIGNAL) && slot < 2) {
            perMinute *= 8;
        }
        return Math.round(perMinute * Math.min(d.uptimeSeconds(), 3600) / 60.0
                * Wander.between(d.seed(), 3500 + ap * 16 + slot, d.now(), 10 * MINUTE, 0.7, 1.3));
    }

    // ----- neighbouring networks ----------------------------------------------------------------------------

    public static int neighborCount(DeviceFacts d) {
        if (interfered(d)) {
            return NEIGHBOR_SLOTS - (int) (2 * Wander.unit(d.seed(), 4000));
        }
        return 3 + (int) (8 * Wander.unit(d.seed(), 4001));
    }

    /** The band neighbour result {@code slot} was heard on: every third on 5 GHz, the others on 2.4 GHz. */
    public static Band neighborBand(int slot) {
        return slot % 3 == 2 ? Band.GHZ_5 : Band.GHZ_2_4;
    }

    /** Neighbours crowd the device's own 2.4 GHz channel when it suffers interference. */
    public static int neighborChannel(DeviceFacts d, int slot, int ownChannel) {
        Band band = neighborBand(slot);
        if (interfered(d) && band == Band.GHZ_2_4 && slot % 4 != 3) {
            return ownChannel;
        }
        int[] channels = band == Band.GHZ_5 ? new int[] {36, 44, 52, 100, 116, 149} : new int[] {1, 6, 11, 3, 9};
        return channels[(int) (channels.length * Wander.unit(d.seed(), 4100 + slot))];
    }

    /**
     * Neighbour signal in dBm. Without interference only the four nearest networks (slots 0..3) can be heard
     * above -72 dBm, so a healthy device never has more than four strong networks on its channel.
     */
    public static int neighborSignal(DeviceFacts d, int slot) {
        double min = interfered(d) ? -62 : -90;
        double max = interfered(d) ? -40 : slot < 4 ? -65 : -72;
        return (int) Math.round(Wander.between(d.seed(), 4200 + slot, d.now(), 30 * MINUTE, min, max));
    }

    // ----- system -------------------------------------------------------------------------------------------

    public static int cpuUsage(DeviceFacts d) {
        if (d.has(Scenario.CPU_OVERLOAD)) {
            return (int) Math.round(Wander.between(d.seed(), 5000, d.now(), 5 * MINUTE, 90, 100));
        }
        double load = 4 + 30 * Wander.dailyActivity(d.now()) * Wander.unit(d.seed(), 5001);
        return (int) Math.round(Math.min(85, load + Wander.between(d.seed(), 5002, d.now(), 5 * MINUTE, 0, 10)));
    }

    public static long freeMemoryKiB(DeviceFacts d, long totalKiB) {
        double usedShare = 0.35 + 0.15 * Wander.unit(d.seed(), 5100)
                + Wander.between(d.seed(), 5101, d.now(), 20 * MINUTE, 0, 0.08);
        if (d.has(Scenario.MEMORY_LEAK)) {
            // about 18% of the memory per simulated day: at least 35% + 3.5 x 18% = 98% used after 3.5 days, the
            // least uptime a leaking device starts with (and the head start of a leak switched on at runtime)
            usedShare += LEAK_SHARE_PER_DAY * d.leakSeconds() / 86_400.0;
        }
        return Math.max(totalKiB / 50, Math.round(totalKiB * (1 - Math.min(0.98, usedShare))));
    }

    public static double temperature(DeviceFacts d, int sensor) {
        double base = switch (sensor) {
            case 1 -> 58;   // SoC
            case 2 -> 49;   // Wi-Fi chip
            default -> 41;  // board
        };
        if (d.has(Scenario.OVERHEATING) && sensor == 1) {
            base = 88;
            return base + Wander.between(d.seed(), 5200 + sensor, d.now(), 10 * MINUTE, 0, 10);
        }
        return base + 6 * Wander.dailyActivity(d.now()) + Wander.between(d.seed(), 5200 + sensor, d.now(), 10 * MINUTE, -2, 2);
    }

    // ----- WAN ------------------------------------------------------------------------------------------------

    public static int pingFailures(DeviceFacts d, int repetitions) {
        if (wanImpaired(d)) {
            return (int) Math.round(Wander.between(d.seed(), 6000, d.now(), 10 * MINUTE, 0.2, 0.4) * repetitions);
        }
        // a healthy line loses no pings: one lost of ten would already be the 10% a loss check flags
        return 0;
    }

    public static int pingAverageMillis(DeviceFacts d) {
        if (wanImpaired(d)) {
            return (int) Math.round(Wander.between(d.seed(), 6002, d.now(), 10 * MINUTE, 180, 400));
        }
        return (int) Math.round(8 + 14 * Wander.unit(d.seed(), 6003) + 10 * Wander.dailyActivity(d.now()));
    }

    /** Seconds since the PPP session came up; flapping sessions restart every few minutes. */
    public static long pppSessionSeconds(DeviceFacts d) {
        if (d.has(Scenario.PPPOE_FLAPS)) {
            long cycle = 4 * 60;
            return Math.min(d.uptimeSeconds(), (d.now() / 1000 + Math.abs(d.seed() % cycle)) % cycle);
        }
        return Math.max(0, d.uptimeSeconds() - 25);
    }

    /** A byte counter growing with uptime at a per-device rate, busier in the evening. */
    public static long counter(DeviceFacts d, int key, double bytesPerSecond) {
        double rate = bytesPerSecond * (0.5 + Wander.unit(d.seed(), 7000 + key));
        if (d.has(Scenario.EVENING_PEAK)) {
            // 0.3x the rate all day, 3x in the busy hours: the counter's slope shows the peak
            long uptimeMillis = d.uptimeSeconds() * 1000;
            double busySeconds = Peaks.busyMillisBetween(d.now() - uptimeMillis, d.now()) / 1000.0;
            return Math.round(rate * (0.3 * d.uptimeSeconds() + 2.7 * busySeconds));
        }
        return Math.round(rate * d.uptimeSeconds() * (0.6 + 0.4 * Wander.dailyActivity(d.now())));
    }

    public static long errors(DeviceFacts d, int key, boolean wan) {
        double perHour = wan && wanImpaired(d) ? 4_000 : 2;
        return Math.round(perHour * d.uptimeSeconds() / 3600.0 * (0.5 + Wander.unit(d.seed(), 7500 + key)));
    }

    // ----- mesh -------------------------------------------------------------------------------------------------

    /** Backhaul RCPI (0..220, dBm = RCPI/2 - 110). */
    public static int backhaulRcpi(DeviceFacts d) {
        if (d.has(Scenario.MESH_BACKHAUL)) {
            return (int) Math.round(Wander.between(d.seed(), 8000, d.now(), 10 * MINUTE, 40, 70));
        }
        return (int) Math.round(Wander.between(d.seed(), 8000, d.now(), 10 * MINUTE, 130, 165));
    }

    public static long backhaulRateKbps(DeviceFacts d) {
        if (d.has(Scenario.MESH_BACKHAUL)) {
            return Math.round(Wander.between(d.seed(), 8001, d.now(), 10 * MINUTE, 12_000, 58_000));
        }
        return Math.round(Wander.between(d.seed(), 8001, d.now(), 10 * MINUTE, 480_000, 866_000));
    }

    // ----- identity helpers -------------------------------------------------------------------------------------

    public static String mac(long firstOctet, long rest) {
        return String.format(Locale.ROOT, "%02X:%02X:%02X:%02X:%02X:%02X", firstOctet & 0xFF, (rest >>> 32) & 0xFF,
                (rest >>> 24) & 0xFF, (rest >>> 16) & 0xFF, (rest >>> 8) & 0xFF, rest & 0xFF);
    }

    /** The device's own MAC address {@code offset} (WAN, LAN, radios...). */
    public static String deviceMac(DeviceFacts d, int offset) {
        long ouiBits = Long.parseLong(d.oui(), 16);
        long nic = (Math.abs(d.seed()) & 0xFFFF00L) + offset * 0x10L;
        return mac(ouiBits >>> 16, ((ouiBits & 0xFFFF) << 24) | (nic & 0xFFFFFF));
    }

    public static String wanAddress(DeviceFacts d) {
        long bits = Wander.mix(d.seed() + 99);
        return "100." + (64 + (bits & 0x3F)) + "." + ((bits >>> 8) & 0xFF) + "." + (1 + ((bits >>> 16) & 0xFD));
    }
}
