package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.model.DeviceFacts;
import io.cpeoperator.simulator.model.ModelSchema;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.Scenario;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of one simulated device. Everything the schema can compute is computed; only what the device was told
 * (written values, created and deleted instances), its firmware and its boot history are stored, so an idle
 * device costs a few hundred bytes. Written values are "flash": they survive reboots, not factory resets.
 *
 * <p>Thread-safe: every access holds the device's monitor (operations are short and never block).
 */
public final class VirtualDevice implements DeviceFacts {

    private final DeviceProfile profile;
    private final DeviceEnvironment environment;
    /** Immutable once published: replaced, never changed, so {@link #scenarios()} reads it without the lock. */
    private volatile Set<Scenario> scenarios;
    /**
     * What the data model shows: the scenarios plus the telemetry effects of the running firmware's defect.
     * Immutable once published, so {@link #has} reads it without the lock.
     */
    private volatile Set<Scenario> shown;
    /** The defect of the firmware the device booted into (or was told of while running it); null if none. */
    private FirmwareDefect runningDefect;
    private int watchdogBoots;
    /** Extra leak age of a memory leak switched on at runtime; back to zero at the next boot. */
    private long leakHeadStartSeconds;

    private String softwareVersion;
    private String previousSoftwareVersion;
    private long bootMillis;
    private int bootCount;
    private boolean online;
    private String parameterKey = "";
    private Map<String, String> written;
    private Map<String, TreeMap<Integer, String[]>> created;
    private Set<String> deleted;
    private final Deque<BootRecord> pendingBoots = new ArrayDeque<>(2);
    private TransferResult pendingTransfer;
    /** Management requests received, accepted or not: lets tests see retry storms from the device's side. */
    private int parameterWriteRequests;
    private int downloadRequests;

    public VirtualDevice(DeviceProfile profile, DeviceEnvironment environment, long bootMillis) {
        this.profile = profile;
        this.environment = environment;
        this.scenarios = frozen(profile.scenarios());
        this.softwareVersion = profile.initialFirmware();
        this.previousSoftwareVersion = profile.initialFirmware();
        this.bootMillis = bootMillis;
        this.bootCount = 1;
        pendingBoots.add(new BootRecord(BootCause.FACTORY_FRESH, "", false));
        runFirmware();
    }

    public DeviceId id() {
        return profile.id();
    }

    public DeviceProfile profile() {
        return profile;
    }

    public ModelSchema schema() {
        return profile.schema();
    }

    @Override
    public VendorModel model() {
        return profile.model();
    }

    public DeviceEnvironment environment() {
        return environment;
    }

    // ----- DeviceFacts -------------------------------------------------------------------------------------------

    @Override
    public long seed() {
        return profile.seed();
    }

    @Override
    public long now() {
        return environment.clock().millis();
    }

    @Override
    public synchronized long uptimeSeconds() {
        return Math.max(0, (now() - bootMillis) / 1000);
    }

    @Override
    public synchronized int bootCount() {
        return bootCount;
    }

    @Override
    public String manufacturer() {
        return profile.model().manufacturer();
    }

    @Override
    public String oui() {
        return profile.model().oui();
    }

    @Override
    public String productClass() {
        return profile.model().productClass();
    }

    @Override
    public String serialNumber() {
        return profile.serialNumber();
    }

    @Override
    public synchronized String softwareVersion() {
        return softwareVersion;
    }

    @Override
    public synchronized String previousSoftwareVersion() {
        return previousSoftwareVersion;
    }

    @Override
    public String connectionRequestUrl() {
        return profile.transport().isUsp() ? "" : environment.connectionRequestBase() + crPath();
    }

    /** The device's own path on the shared connection-request listener. */
    public String crPath() {
        return profile.serialNumber();
    }

    @Override
    public String endpointId() {
        return profile.endpointId();
    }

    /** Whether the data model shows the scenario now: the device suffers from it, or its running firmware causes it. */
    @Override
    public boolean has(Scenario scenario) {
        return shown.contains(scenario);
    }

    /**
     * The conditions the device suffers from now (the profile's, unless changed at runtime); without what a
     * firmware defect adds (see {@link #runningDefect()}).
     */
    public Set<Scenario> scenarios() {
        return scenarios;
    }

    /**
     * Replaces the device's conditions; the data model shows them on the next read. A memory leak that starts here
     * is taken to have been leaking for {@link #LEAK_HEAD_START_SECONDS} already, so it shows at once, as a leak
     * only now noticed would; a reboot frees the memory as usual.
     */
    public synchronized void scenarios(Set<Scenario> replacement) {
        Set<Scenario> next = frozen(replacement);
        if (next.contains(Scenario.MEMORY_LEAK) && !scenarios.contains(Scenario.MEMORY_LEAK)) {
            leakHeadStartSeconds = Math.max(0, LEAK_HEAD_START_SECONDS - uptimeSeconds());
        }
        scenarios = next;
        show();
    }

    private static Set<Scenario> frozen(Set<Scenario> scenarios) {
        EnumSet<Scenario> copy = EnumSet.noneOf(Scenario.class);
        copy.addAll(scenarios);
        copy.remove(Scenario.HEALTHY);
        return Collections.unmodifiableSet(copy);
    }

    /** How long a leak takes to use 90% of the memory (see {@code Telemetry.freeMemoryKiB}). */
    public static final long LEAK_HEAD_START_SECONDS = 3 * 86_400L + 43_200L;

    @Override
    public synchronized long leakSeconds() {
        return uptimeSeconds() + leakHeadStartSeconds;
    }

    @Override
    public String valueOf(String path) {
        return DataModelReader.valueOf(this, path);
    }

    // ----- stored state (package-private for the data-model classes) --------------------------------------------

    synchronized String written(String path) {
        return written == null ? null : written.get(path);
    }

    synchronized void write(String path, String value) {
        if (written == null) {
            written = new HashMap<>(4);
        }
        written.put(path.intern(), value);
    }

    /**
     * Stores device configuration that is not a parameter value (notification attributes and the like) under a
     * key starting with '#'; it persists like written values.
     */
    public void configure(String key, String value) {
        if (!key.startsWith("#")) {
            throw new IllegalArgumentException("configuration keys start with '#'");
        }
        write(key, value);
    }

    /** Configuration entries (see {@link #configure}) whose key starts with {@code prefix}, as a copy. */
    public synchronized Map<String, String> configuration(String prefix) {
        Map<String, String> entries = new HashMap<>();
        if (written != null) {
            written.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    entries.put(key, value);
                }
            });
        }
        return entries;
    }

    synchronized TreeMap<Integer, String[]> createdInstances(String tablePath, boolean create) {
        if (created == null) {
            if (!create) {
                return null;
            }
            created = new HashMap<>(2);
        }
        return create ? created.computeIfAbsent(tablePath, k -> new TreeMap<>()) : created.get(tablePath);
    }

    synchronized Map<String, TreeMap<Integer, String[]>> allCreated() {
        return created == null ? Map.of() : created;
    }

    /** Drops the instances created in tables nested under a deleted instance. */
    synchronized void forgetCreatedTablesUnder(String instancePath) {
        if (created != null) {
            created.keySet().removeIf(table -> table.startsWith(instancePath));
        }
    }

    synchronized boolean isDeleted(String path) {
        if (deleted == null) {
            return false;
        }
        for (String instance : deleted) {
            if (path.startsWith(instance)) {
                return true;
            }
        }
        return false;
    }

    synchronized void markDeleted(String instancePath) {
        if (deleted == null) {
            deleted = new HashSet<>(2);
        }
        deleted.add(instancePath);
    }

    public synchronized String parameterKey() {
        return parameterKey;
    }

    synchronized void parameterKey(String key) {
        if (key != null) {
            parameterKey = key;
        }
    }

    // ----- lifecycle ---------------------------------------------------------------------------------------------

    public synchronized boolean isOnline() {
        return online;
    }

    public synchronized void online(boolean value) {
        online = value;
    }

    /** The device powers up again: uptime restarts, and the boot is queued for the next session / Boot! event. */
    public synchronized void boot(BootCause cause, String commandKey) {
        bootMillis = now();
        bootCount++;
        leakHeadStartSeconds = 0;
        runFirmware();
        pendingBoots.add(new BootRecord(cause, commandKey == null ? "" : commandKey, cause == BootCause.FIRMWARE_UPGRADE));
        while (pendingBoots.size() > 4) {
            pendingBoots.removeFirst();
        }
    }

    /** Forgets all configuration, as a factory reset does. */
    public synchronized void factoryReset() {
        written = null;
        created = null;
        deleted = null;
        parameterKey = "";
    }

    /**
     * The defect of the firmware the device runs: looked up at each boot, so an installed version shows its defect
     * from the boot into it until the boot into another.
     */
    public synchronized Optional<FirmwareDefect> runningDefect() {
        return Optional.ofNullable(runningDefect);
    }

    /** A defect was declared for the version the device runs: it shows at once, without waiting for a boot. */
    public synchronized void firmwareDefectsChanged() {
        runFirmware();
    }

    private void runFirmware() {
        runningDefect = environment.firmwareDefects().of(softwareVersion).orElse(null);
        show();
    }

    private void show() {
        if (runningDefect == null) {
            shown = scenarios;
            return;
        }
        EnumSet<Scenario> all = EnumSet.noneOf(Scenario.class);
        all.addAll(scenarios);
        all.addAll(runningDefect.telemetryEffects(s -> ScenarioFit.fits(s, model())));
        shown = Collections.unmodifiableSet(all);
    }

    /** The watchdog restarted a crashed device (the crash loop of a bad firmware); it boots again after this. */
    public synchronized void countWatchdogBoot() {
        watchdogBoots++;
    }

    @Override
    public synchronized int watchdogBootCount() {
        return watchdogBoots;
    }

    public synchronized void installFirmware(String version) {
        previousSoftwareVersion = softwareVersion;
        softwareVersion = version;
    }

    /** Takes the boots not yet reported, oldest first. */
    public synchronized Deque<BootRecord> takePendingBoots() {
        Deque<BootRecord> boots = new ArrayDeque<>(pendingBoots);
        pendingBoots.clear();
        return boots;
    }

    public synchronized void pendingTransfer(TransferResult result) {
        pendingTransfer = result;
    }

    public synchronized TransferResult pendingTransfer() {
        return pendingTransfer;
    }

    public synchronized void transferReported(TransferResult result) {
        if (pendingTransfer == result) {
            pendingTransfer = null;
        }
    }

    /** Counts a parameter write (CWMP SetParameterValues, USP Set) as it arrives, before it is checked. */
    public synchronized void countParameterWriteRequest() {
        parameterWriteRequests++;
    }

    /** Parameter writes received since power-on of the simulator, faulted ones included. */
    public synchronized int parameterWriteRequests() {
        return parameterWriteRequests;
    }

    /** Counts a firmware download request (CWMP Download, USP FirmwareImage.{i}.Download()) as it arrives. */
    public synchronized void countDownloadRequest() {
        downloadRequests++;
    }

    /** Firmware download requests received, refused and failed ones included. */
    public synchronized int downloadRequests() {
        return downloadRequests;
    }

    /** One boot to report. */
    public record BootRecord(BootCause cause, String commandKey, boolean firmwareUpdated) {
    }
}
