package io.cpeoperator.simulator.support;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.clock.SimClock;
import io.cpeoperator.simulator.device.DeviceEnvironment;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.FirmwareDefects;
import io.cpeoperator.simulator.scenario.Scenario;

import java.util.Set;

/** Devices without any network, on a manual clock, for data-model and scenario tests. */
public final class TestDevices {

    public static final long START = 1_764_000_000_000L;
    public static final ModelCatalog CATALOG = new ModelCatalog("self::cpe-operator", "usp/controller/cpe-operator");

    private TestDevices() {
    }

    public static VirtualDevice cwmp(VendorModel model, ManualClock clock, Set<Scenario> scenarios, long seed) {
        String serial = "SIM" + seed;
        DeviceProfile profile = new DeviceProfile(DeviceId.cwmp(model.oui(), model.productClass(), serial), model,
                CATALOG.schema(model, null), DeviceProfile.Transport.CWMP, serial, "",
                scenarios.contains(Scenario.REBOOT_LOOP) ? model.buggyFirmware() : model.firmwareVersions().get(0),
                seed, scenarios);
        return new VirtualDevice(profile, DeviceEnvironment.of(clock), clock.millis() - 3_600_000L);
    }

    /** A CWMP device with the uptime the simulator would start it with (short for reboot-loop, days for a leak). */
    public static VirtualDevice planned(VendorModel model, ManualClock clock, Set<Scenario> scenarios, long seed) {
        VirtualDevice probe = cwmp(model, clock, scenarios, seed);
        return new VirtualDevice(probe.profile(), DeviceEnvironment.of(clock),
                clock.millis() - Simulator.initialUptimeMillis(probe.profile()));
    }

    /** A healthy CWMP device on {@code firmware}, in a fleet whose bad versions are {@code defects}. */
    public static VirtualDevice running(VendorModel model, SimClock clock, String firmware, long seed, FirmwareDefects defects) {
        String serial = "SIM" + seed;
        DeviceProfile profile = new DeviceProfile(DeviceId.cwmp(model.oui(), model.productClass(), serial), model,
                CATALOG.schema(model, null), DeviceProfile.Transport.CWMP, serial, "", firmware, seed, Set.of());
        return new VirtualDevice(profile, DeviceEnvironment.of(clock, defects), clock.millis() - 3_600_000L);
    }

    public static VirtualDevice usp(VendorModel model, ManualClock clock, Set<Scenario> scenarios, long seed) {
        String serial = "SIM" + seed;
        String endpoint = "os::" + model.oui() + "-" + serial;
        DeviceProfile profile = new DeviceProfile(DeviceId.usp(endpoint), model, CATALOG.schema(model, "5.0"),
                DeviceProfile.Transport.USP_MQTT5, serial, endpoint, model.firmwareVersions().get(0), seed, scenarios);
        return new VirtualDevice(profile, DeviceEnvironment.of(clock), clock.millis() - 3_600_000L);
    }
}
