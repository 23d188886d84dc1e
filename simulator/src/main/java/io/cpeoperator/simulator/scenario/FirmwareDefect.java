package io.cpeoperator.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What is wrong with a firmware version, whatever model or device installs it: the simulator's stand-in for a bad
 * release in a staged rollout. Declared per version on the {@link FirmwareDefects} catalog.
 *
 * @param kind    what the version does to a device
 * @param percent for {@link Kind#DOWNLOAD_FAILS}: the share of devices (0..100) whose download of the version fails;
 *                0 for the other kinds
 */
public record FirmwareDefect(Kind kind, int percent) {

    public FirmwareDefect {
        if (kind == null) {
            throw new IllegalArgumentException("a firmware defect needs a kind");
        }
        if (kind == Kind.DOWNLOAD_FAILS ? percent < 0 || percent > 100 : percent != 0) {
            throw new IllegalArgumentException(kind == Kind.DOWNLOAD_FAILS
                    ? "download-fails needs a percentage of 0..100, not " + percent
                    : kind.cliName + " takes no percentage");
        }
    }

    /** After booting into the version the device crashes every {@code Timing.rebootLoopPeriod} of uptime. */
    public static FirmwareDefect rebootLoop() {
        return new FirmwareDefect(Kind.REBOOT_LOOP, 0);
    }

    /** While the version runs, the Wi-Fi shows the interference and high-noise signatures. */
    public static FirmwareDefect wifiDegraded() {
        return new FirmwareDefect(Kind.WIFI_DEGRADED, 0);
    }

    /** A Download of the version fails with 9010 for {@code percent}% of the devices, chosen by their id. */
    public static FirmwareDefect downloadFails(int percent) {
        return new FirmwareDefect(Kind.DOWNLOAD_FAILS, percent);
    }

    /**
     * Reads the command-line form: {@code reboot-loop}, {@code wifi-degraded} or {@code download-fails:30}.
     *
     * @throws IllegalArgumentException with the accepted forms, for anything else
     */
    public static FirmwareDefect parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon).trim();
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown firmware defect '" + text + "'; known: " + forms()));
        if (kind != Kind.DOWNLOAD_FAILS) {
            if (colon >= 0) {
                throw new IllegalArgumentException(kind.cliName + " takes no percentage: '" + text + "'");
            }
            return new FirmwareDefect(kind, 0);
        }
        String amount = colon < 0 ? "" : value.substring(colon + 1).trim();
        if (amount.endsWith("%")) {
            amount = amount.substring(0, amount.length() - 1).trim();
        }
        try {
            return downloadFails(Integer.parseInt(amount));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("download-fails needs a whole percentage of 0..100 after ':', as in "
                    + "download-fails:30; got '" + text + "'");
        }
    }

    /** The accepted command-line forms, for messages and help. */
    public static String forms() {
        return "reboot-loop, wifi-degraded, download-fails:PERCENT";
    }

    /** The command-line form: {@code reboot-loop}, {@code wifi-degraded}, {@code download-fails:30}. */
    public String cliName() {
        return kind == Kind.DOWNLOAD_FAILS ? kind.cliName + ":" + percent : kind.cliName;
    }

    /** Where and how the defect shows, for the ground-truth file. */
    public String signature() {
        return kind == Kind.DOWNLOAD_FAILS ? kind.signature.replace("N%", percent + "%") : kind.signature;
    }

    /**
     * The scenarios whose telemetry a device shows while it runs the version, limited to those its model can show
     * ({@code canShow}); the reboot loop is not among them: it is driven by the device's lifecycle, not telemetry.
     */
    public Set<Scenario> telemetryEffects(Predicate<Scenario> canShow) {
        Set<Scenario> effects = EnumSet.noneOf(Scenario.class);
        kind.telemetryEffects.stream().filter(canShow).forEach(effects::add);
        return effects;
    }

    /**
     * The finding codes a QoE analysis must raise for a device running the version once the defect has shown
     * (a reboot loop: after the third crash), on a model that can show {@code canShow}; empty for a failing download,
     * which leaves the device on its old version.
     */
    public List<String> expectedFindings(Predicate<Scenario> canShow) {
        return kind == Kind.REBOOT_LOOP ? Scenario.REBOOT_LOOP.expectedFindings()
                : Scenario.expectedFindings(telemetryEffects(canShow));
    }

    /**
     * Whether a Download of this version fails on the device with this id (canonical DeviceId text). The choice is a
     * stable hash of the id, the same in every run and for every download-fails version: a device fails at N% when
     * its bucket (0..99) is below N, so the 10% that fail are among the 30% that fail.
     */
    public boolean failsDownloadFor(String deviceId) {
        return kind == Kind.DOWNLOAD_FAILS && bucket(deviceId) < percent;
    }

    /** 0..99 from an MD5 of the id: spread evenly over ids that differ in one digit, unlike String.hashCode. */
    static int bucket(String deviceId) {
        UUID hash = UUID.nameUUIDFromBytes(deviceId.getBytes(StandardCharsets.UTF_8));
        return (int) Math.floorMod(hash.getLeastSignificantBits(), 100L);
    }

    /** The kinds of defect, with their command-line names. */
    public enum Kind {
        REBOOT_LOOP("reboot-loop", Set.of(),
                "after the boot into the version: a crash every reboot-loop period of uptime (simulated), so UpTime stays "
                        + "below it, Reboots.WatchdogBootCount grows by one per crash, 1 BOOT / Boot! (LocalReboot) "
                        + "after each; stops with the boot into another version"),
        WIFI_DEGRADED("wifi-degraded", Set.of(Scenario.INTERFERENCE, Scenario.HIGH_NOISE),
                "from the boot into the version until the boot into another: the Wi-Fi shows the interference and "
                        + "high-noise signatures (TR-181 only; TR-098 has no per-client Wi-Fi data); no reboots"),
        DOWNLOAD_FAILS("download-fails", Set.of(),
                "a Download of the version fails for N% of devices (stable hash of the device id) with 9010 Download "
                        + "failure (USP: 7022 in OperationComplete); they stay on their version, the others install it");

        private final String cliName;
        private final Set<Scenario> telemetryEffects;
        private final String signature;

        Kind(String cliName, Set<Scenario> telemetryEffects, String signature) {
            this.cliName = cliName;
            this.telemetryEffects = telemetryEffects;
            this.signature = signature;
        }

        public String cliName() {
            return cliName;
        }
    }
}
