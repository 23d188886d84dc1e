package io.cpeoperator.benchmarks.qoe;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.DeviceEnvironment;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.Scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Twins for the QoE benchmarks, built offline from the simulator's TR-181 models: a {@link VirtualDevice} per device
 * on a manual clock (no network), its whole data model read with {@link DataModelReader}, padded with vendor
 * telemetry parameters up to a fixed size. One device in three is healthy; the others carry one scenario their model
 * can show, chosen in turn, so every check has work to do.
 */
final class QoeFleet {

    private static final ModelCatalog CATALOG = new ModelCatalog("self::cpe-operator", "usp/controller/cpe-operator");
    private static final List<VendorModel> MODELS = ModelCatalog.ALL.stream()
            .filter(m -> m.dataModel() == VendorModel.DataModel.TR181).toList();
    private static final List<Scenario> TROUBLES = EnumSet.complementOf(EnumSet.of(Scenario.HEALTHY)).stream()
            .toList();

    private final int parametersPerDevice;
    private final long startMillis;

    QoeFleet(int parametersPerDevice, long startMillis) {
        this.parametersPerDevice = parametersPerDevice;
        this.startMillis = startMillis;
    }

    static DeviceId id(int device) {
        VendorModel model = model(device);
        return DeviceId.cwmp(model.oui(), model.productClass(), serial(device));
    }

    private static String serial(int device) {
        return String.format("QOE%08d", device);
    }

    static VendorModel model(int device) {
        return MODELS.get(device % MODELS.size());
    }

    /** Healthy for every third device, otherwise the next scenario in turn that the model can show. */
    static Set<Scenario> scenarios(int device) {
        if (device % 3 == 0) {
            return EnumSet.noneOf(Scenario.class);
        }
        VendorModel model = model(device);
        for (int k = 0; k < TROUBLES.size(); k++) {
            Scenario scenario = TROUBLES.get((device / 3 + k) % TROUBLES.size());
            if (ScenarioFit.fits(scenario, model)) {
                return EnumSet.of(scenario);
            }
        }
        return EnumSet.noneOf(Scenario.class);
    }

    /** Reads the device's data model and stores it as one snapshot; returns the number of parameters stored. */
    int load(TwinStore store, int device, Instant observedAt) throws DataModelException {
        VendorModel model = model(device);
        Set<Scenario> scenarios = scenarios(device);
        String firmware = scenarios.contains(Scenario.REBOOT_LOOP) ? model.buggyFirmware()
                : model.firmwareVersions().get(device % model.firmwareVersions().size());
        DeviceProfile profile = new DeviceProfile(id(device), model, CATALOG.schema(model, null),
                DeviceProfile.Transport.CWMP, serial(device), "", firmware, device * 7_919L + 13, scenarios);
        ManualClock clock = new ManualClock(startMillis);
        VirtualDevice virtual = new VirtualDevice(profile, DeviceEnvironment.of(clock),
                startMillis - Simulator.initialUptimeMillis(profile));
        List<ParameterValue> values = new ArrayList<>(parametersPerDevice);
        for (Param p : DataModelReader.read(virtual, model.dataModel().root())) {
            values.add(new ParameterValue(p.path(), p.value(), p.type(), p.writable()));
        }
        pad(values, model, new Random(device));
        store.applySnapshot(id(device), new TwinSchemaKey(model.oui(), model.productClass(), firmware), values,
                observedAt);
        return values.size();
    }

    /** Vendor telemetry samples, as gateways carry them, until the twin holds {@code parametersPerDevice}. */
    private void pad(List<ParameterValue> values, VendorModel model, Random random) {
        String prefix = "Device.X_" + model.oui() + "_Telemetry.Sample.";
        int sample = 0;
        while (values.size() < parametersPerDevice) {
            sample++;
            String p = prefix + sample + ".";
            add(values, p + "Timestamp", Instant.ofEpochSecond(1_795_000_000L - random.nextInt(86_400)).toString(),
                    ParameterType.DATE_TIME);
            add(values, p + "CPUUsage", Integer.toString(random.nextInt(100)), ParameterType.UNSIGNED_INT);
            add(values, p + "MemoryFree", Integer.toString(100_000 + random.nextInt(300_000)),
                    ParameterType.UNSIGNED_INT);
            add(values, p + "WANBytesReceived", Long.toString((long) (random.nextDouble() * 4e11)),
                    ParameterType.UNSIGNED_LONG);
            add(values, p + "WANBytesSent", Long.toString((long) (random.nextDouble() * 4e10)),
                    ParameterType.UNSIGNED_LONG);
            add(values, p + "Temperature", Integer.toString(40 + random.nextInt(30)), ParameterType.INT);
            add(values, p + "Event", random.nextInt(8) == 0 ? "ChannelChange" : "None", ParameterType.STRING);
        }
    }

    private void add(List<ParameterValue> values, String path, String value, ParameterType type) {
        if (values.size() < parametersPerDevice) {
            values.add(new ParameterValue(path, value, type, false));
        }
    }
}
