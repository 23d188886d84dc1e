package io.cpeoperator.bridge.device;

import io.cpeoperator.bridge.twin.TwinStore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One gateway over the protocol bridges: each call goes to the bridge of the device's protocol
 * ({@link DeviceId#protocol()}), events of all bridges arrive through one subscription. The bridges share one twin
 * store. A device whose protocol has no bridge in this process is never connected, and operations on it fail with
 * {@link DeviceOperationException#UNREACHABLE}.
 */
public final class CompositeDeviceGateway implements DeviceGateway {

    private final TwinStore twins;
    private final Map<Protocol, DeviceGateway> bridges;

    public CompositeDeviceGateway(TwinStore twins, Map<Protocol, DeviceGateway> bridges) {
        this.twins = twins;
        this.bridges = bridges.isEmpty() ? Map.of() : new EnumMap<>(bridges);
    }

    @Override
    public TwinStore twins() {
        return twins;
    }

    @Override
    public Optional<DeviceIdentity> identity(DeviceId id) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? Optional.empty() : bridge.identity(id);
    }

    @Override
    public boolean isConnected(DeviceId id) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge != null && bridge.isConnected(id);
    }

    @Override
    public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values,
                                                              String parameterKey) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.setParameters(id, values, parameterKey);
    }

    @Override
    public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.reboot(id, commandKey);
    }

    @Override
    public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.factoryReset(id, commandKey);
    }

    @Override
    public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.downloadFirmware(id, download);
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, String path) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.refresh(id, path);
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.refresh(id, paths);
    }

    @Override
    public CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
        DeviceGateway bridge = bridges.get(id.protocol());
        return bridge == null ? noBridge(id) : bridge.refreshAtNextContact(id, paths);
    }

    @Override
    public void forget(DeviceId id) {
        DeviceGateway bridge = bridges.get(id.protocol());
        if (bridge != null) {
            bridge.forget(id);
        } else {
            twins.remove(id);
        }
    }

    @Override
    public Subscription subscribe(DeviceEventListener listener) {
        List<Subscription> subscriptions = new ArrayList<>();
        bridges.values().forEach(bridge -> subscriptions.add(bridge.subscribe(listener)));
        return () -> subscriptions.forEach(Subscription::close);
    }

    private static <T> CompletionStage<T> noBridge(DeviceId id) {
        return CompletableFuture.failedFuture(new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                "no " + id.protocol() + " bridge runs in this process for " + id));
    }
}
