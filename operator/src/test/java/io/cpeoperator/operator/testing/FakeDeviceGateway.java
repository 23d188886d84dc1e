package io.cpeoperator.operator.testing;

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
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device gateway for tests: the real twin store, devices that "connect" with a parameter tree, operations that
 * change the twin the way a device would and emit the events the bridges emit. Faults can be injected per path.
 */
public final class FakeDeviceGateway implements DeviceGateway {

    private final Clock clock;
    private final ShardedTwinStore twins;
    private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<DeviceId, DeviceIdentity> identities = new ConcurrentHashMap<>();
    private final Set<DeviceId> connected = ConcurrentHashMap.newKeySet();
    /** Paths whose write fails with this exception. */
    private final Map<String, DeviceOperationException> setFaults = new ConcurrentHashMap<>();
    private volatile DeviceOperationException firmwareFault;
    private volatile boolean downloadsVanish;
    public final List<Map<String, String>> setCalls = new CopyOnWriteArrayList<>();
    public final Map<DeviceId, AtomicInteger> reboots = new ConcurrentHashMap<>();
    public final Map<DeviceId, AtomicInteger> factoryResets = new ConcurrentHashMap<>();
    public final List<FirmwareDownload> downloads = new CopyOnWriteArrayList<>();
    public final List<DeviceId> forgotten = new CopyOnWriteArrayList<>();
    /** The paths of every refresh (a single-path refresh as a list of one), in order. */
    public final List<List<String>> refreshes = new CopyOnWriteArrayList<>();
    /** The paths of every read-at-next-contact, in order. */
    public final List<List<String>> nextContactReads = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> nextContactAnswer = CompletableFuture.completedFuture(null);
    private volatile boolean setsReachTheTwin = true;

    public FakeDeviceGateway(Clock clock) {
        this.clock = clock;
        this.twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2).withMaxParameters(1_000_000),
                new SimpleMeterRegistry(), clock);
    }

    /** The device connects, its full data model is synced into the twin, and the events say so. */
    public void connect(DeviceIdentity identity, Map<String, String> parameters) {
        DeviceId id = identity.id();
        identities.put(id, identity);
        connected.add(id);
        List<ParameterValue> values = new ArrayList<>();
        parameters.forEach((path, value) -> values.add(new ParameterValue(path, value, ParameterType.STRING,
                !path.contains(".DeviceInfo."))));
        Instant now = clock.instant();
        twins.applySnapshot(id, new TwinSchemaKey(identity.oui(), identity.productClass(),
                identity.softwareVersion()), values, now);
        emit(new DeviceEvent.Connected(id, now, identity, Set.of("1 BOOT")));
        emit(new DeviceEvent.Synced(id, now, values.size()));
    }

    /**
     * The device connects and reports what an Inform carries, but its full sync has not finished: the twin holds
     * part of the data model and still needs a full sync.
     */
    public void connectUnsynced(DeviceIdentity identity, Map<String, String> informParameters) {
        DeviceId id = identity.id();
        identities.put(id, identity);
        connected.add(id);
        List<ParameterValue> values = new ArrayList<>();
        informParameters.forEach((path, value) -> values.add(ParameterValue.of(path, value)));
        Instant now = clock.instant();
        twins.applyUpdates(id, values, now);
        emit(new DeviceEvent.Connected(id, now, identity, Set.of("1 BOOT")));
    }

    public void disconnect(DeviceId id) {
        connected.remove(id);
        emit(new DeviceEvent.Disconnected(id, clock.instant(), "test"));
    }

    /** A value changes on the device (telemetry, the subscriber, a factory reset). */
    public void change(DeviceId id, Map<String, String> values) {
        List<ParameterValue> updates = new ArrayList<>();
        values.forEach((path, value) -> updates.add(ParameterValue.of(path, value)));
        twins.applyUpdates(id, updates, clock.instant());
        emit(new DeviceEvent.TwinChanged(id, clock.instant(), values.keySet()));
    }

    public void failSetOf(String path, DeviceOperationException fault) {
        setFaults.put(path, fault);
    }

    public void clearSetFaults() {
        setFaults.clear();
    }

    /**
     * False: the device acknowledges writes but the twin does not show the values yet (a notification carrying the
     * old value overtook the answer), so the operator has to read them back.
     */
    public void setsReachTheTwin(boolean reach) {
        this.setsReachTheTwin = reach;
    }

    /** Downloads are accepted and then nothing happens: no completion, no boot (a device that lost one). */
    public void downloadsVanish(boolean vanish) {
        this.downloadsVanish = vanish;
    }

    public void failFirmwareWith(DeviceOperationException fault) {
        this.firmwareFault = fault;
    }

    public void emit(DeviceEvent event) {
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
        return connected.contains(id);
    }

    @Override
    public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values,
                                                              String parameterKey) {
        setCalls.add(Map.copyOf(values));
        for (String path : values.keySet()) {
            DeviceOperationException fault = setFaults.get(path);
            if (fault != null) {
                return CompletableFuture.failedFuture(fault);
            }
        }
        CompletableFuture<SetParametersResult> result = new CompletableFuture<>();
        // answer on another thread, as a bridge does
        CompletableFuture.runAsync(() -> {
            if (setsReachTheTwin) {
                change(id, values);
            }
            result.complete(new SetParametersResult(values, false));
        });
        return result;
    }

    @Override
    public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
        reboots.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
        factoryResets.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
        downloads.add(download);
        if (downloadsVanish) {
            return CompletableFuture.completedFuture(null);
        }
        DeviceOperationException fault = firmwareFault;
        CompletableFuture.runAsync(() -> {
            if (fault != null) {
                emit(new DeviceEvent.OperationCompleted(id, clock.instant(), "Download", download.commandKey(),
                        fault.faultCode(), fault.faultString(), Map.of()));
                return;
            }
            String root = twins.get(id, "InternetGatewayDevice.DeviceInfo.SoftwareVersion").isPresent()
                    ? "InternetGatewayDevice." : "Device.";
            emit(new DeviceEvent.OperationCompleted(id, clock.instant(), "Download", download.commandKey(), 0, "",
                    Map.of()));
            change(id, Map.of(root + "DeviceInfo.SoftwareVersion", download.version(),
                    root + "DeviceInfo.UpTime", "5"));
            emit(new DeviceEvent.Booted(id, clock.instant(), "M Download", download.version()));
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, String path) {
        refreshes.add(List.of(path));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
        refreshes.add(List.copyOf(paths));
        return CompletableFuture.completedFuture(null);
    }

    /** Reads at next contact complete with {@code answer} (complete it later to model a device that stays away). */
    public void answerNextContactReadsWith(CompletableFuture<Void> answer) {
        nextContactAnswer = answer;
    }

    @Override
    public CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
        nextContactReads.add(List.copyOf(paths));
        return nextContactAnswer;
    }

    @Override
    public void forget(DeviceId id) {
        forgotten.add(id);
        twins.remove(id);
    }

    @Override
    public Subscription subscribe(DeviceEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
