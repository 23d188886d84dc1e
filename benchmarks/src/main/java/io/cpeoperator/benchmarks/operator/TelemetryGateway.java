package io.cpeoperator.benchmarks.operator;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.device.SetParametersResult;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device gateway without protocols: devices whose twins the benchmark fills with a small TR-181 tree and then feeds
 * telemetry into, emitting the events a bridge would. Operations are refused (this benchmark only observes).
 */
final class TelemetryGateway implements DeviceGateway {

    private final TwinStore twins;
    private final Clock clock;
    private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<DeviceId, DeviceIdentity> identities = new ConcurrentHashMap<>();

    TelemetryGateway(TwinStore twins, Clock clock) {
        this.twins = twins;
        this.clock = clock;
    }

    void connect(DeviceIdentity identity) {
        identities.put(identity.id(), identity);
        List<ParameterValue> tree = new ArrayList<>();
        add(tree, "Device.DeviceInfo.Manufacturer", identity.manufacturer());
        add(tree, "Device.DeviceInfo.ModelName", identity.modelName());
        add(tree, "Device.DeviceInfo.ProductClass", identity.productClass());
        add(tree, "Device.DeviceInfo.SoftwareVersion", identity.softwareVersion());
        add(tree, "Device.DeviceInfo.HardwareVersion", identity.hardwareVersion());
        add(tree, "Device.DeviceInfo.UpTime", "86400");
        add(tree, "Device.DeviceInfo.ProcessStatus.CPUUsage", "10");
        add(tree, "Device.DeviceInfo.MemoryStatus.Total", "262144");
        add(tree, "Device.DeviceInfo.MemoryStatus.Free", "131072");
        add(tree, "Device.IP.Interface.1.Name", "wan0");
        add(tree, "Device.IP.Interface.1.IPv4Address.1.IPAddress", "203.0.113.7");
        add(tree, "Device.WiFi.Radio.1.OperatingFrequencyBand", "2.4GHz");
        add(tree, "Device.WiFi.Radio.1.Channel", "6");
        add(tree, "Device.WiFi.Radio.1.Stats.Noise", "-90");
        add(tree, "Device.Hosts.HostNumberOfEntries", "4");
        twins.applySnapshot(identity.id(), new TwinSchemaKey(identity.oui(), identity.productClass(),
                identity.softwareVersion()), tree, clock.instant());
        emit(new DeviceEvent.Connected(identity.id(), clock.instant(), identity, Set.of("1 BOOT")));
        emit(new DeviceEvent.Synced(identity.id(), clock.instant(), tree.size()));
    }

    /** One telemetry report: uptime, CPU, memory and radio noise move, as with 1 Hz bulk data. */
    void report(DeviceId id, long uptime, int cpu, int freeKiB, int noise) {
        twins.applyUpdates(id, List.of(
                ParameterValue.of("Device.DeviceInfo.UpTime", Long.toString(uptime)),
                ParameterValue.of("Device.DeviceInfo.ProcessStatus.CPUUsage", Integer.toString(cpu)),
                ParameterValue.of("Device.DeviceInfo.MemoryStatus.Free", Integer.toString(freeKiB)),
                ParameterValue.of("Device.WiFi.Radio.1.Stats.Noise", Integer.toString(noise))), clock.instant());
        emit(new DeviceEvent.TwinChanged(id, clock.instant(), Set.of("Device.DeviceInfo.")));
    }

    private static void add(List<ParameterValue> tree, String path, String value) {
        tree.add(new ParameterValue(path, value, ParameterType.STRING, false));
    }

    private void emit(DeviceEvent event) {
        listeners.forEach(listener -> listener.onEvent(event));
    }

    @Override
    public TwinStore twins() {
        return twins;
    }

    @Override
    public Optional<DeviceIdentity> identity(DeviceId id) {
        return Optional.ofNullable(identities.get(id));
    }

    @Override
    public boolean isConnected(DeviceId id) {
        return identities.containsKey(id);
    }

    @Override
    public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values, String key) {
        return refused();
    }

    @Override
    public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
        return refused();
    }

    @Override
    public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
        return refused();
    }

    @Override
    public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
        return refused();
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, String path) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void forget(DeviceId id) {
        identities.remove(id);
        twins.remove(id);
    }

    @Override
    public Subscription subscribe(DeviceEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static <T> CompletionStage<T> refused() {
        return CompletableFuture.failedFuture(new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                "the telemetry benchmark gateway runs no operations"));
    }
}
