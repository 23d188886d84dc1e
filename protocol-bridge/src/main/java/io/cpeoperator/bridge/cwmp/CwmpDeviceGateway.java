package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.cwmp.queue.RpcLane;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.CwmpDeviceRegistry;
import io.cpeoperator.bridge.cwmp.soap.XsdValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryReset;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.sync.ParameterFetcher;
import io.cpeoperator.bridge.cwmp.sync.TwinSynchronizer;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.device.SetParametersResult;
import io.cpeoperator.bridge.device.Subscription;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The {@link DeviceGateway} of CWMP devices. Operations are queued for the device and a Connection Request asks it
 * for a session; the futures complete in that session (or the next one, if it vanishes mid-way).
 */
public final class CwmpDeviceGateway implements DeviceGateway {

    private final TwinStore twins;
    private final CwmpDeviceRegistry devices;
    private final CwmpOperations operations;
    private final ParameterFetcher fetcher;
    private final DeviceEventBus events;
    private final ConnectedWindow connectedWindow;
    private final Clock clock;

    CwmpDeviceGateway(TwinStore twins, CwmpDeviceRegistry devices, CwmpOperations operations,
                      ParameterFetcher fetcher, DeviceEventBus events, ConnectedWindow connectedWindow,
                      Clock clock) {
        this.twins = twins;
        this.devices = devices;
        this.operations = operations;
        this.fetcher = fetcher;
        this.events = events;
        this.connectedWindow = connectedWindow;
        this.clock = clock;
    }

    @Override
    public TwinStore twins() {
        return twins;
    }

    @Override
    public Optional<DeviceIdentity> identity(DeviceId id) {
        return devices.find(id).flatMap(CwmpDevice::identity);
    }

    @Override
    public boolean isConnected(DeviceId id) {
        return devices.find(id).map(device -> connectedWindow.isConnected(device, clock.instant())).orElse(false);
    }

    @Override
    public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values,
                                                              String parameterKey) {
        List<ParameterValueStruct> typed = new ArrayList<>(values.size());
        List<ParameterFault> invalid = new ArrayList<>();
        values.forEach((path, value) -> {
            ParameterType type = twins.get(id, path).map(TwinParameter::type)
                    .filter(t -> t != ParameterType.UNKNOWN).orElse(ParameterType.STRING);
            if (!XsdValues.isValid(type, value)) {
                invalid.add(new ParameterFault(path, CwmpFault.CPE_INVALID_PARAMETER_VALUE,
                        "not a valid " + type.xsdName()));
            }
            typed.add(new ParameterValueStruct(path, value, type));
        });
        if (!invalid.isEmpty()) {
            // caught here rather than by the device: some devices crash on a value that does not fit the type
            return CompletableFuture.failedFuture(new DeviceOperationException(CwmpFault.CPE_INVALID_ARGUMENTS,
                    "Invalid arguments", invalid));
        }
        return operations.submit(id, new SetParameterValues(typed, parameterKey)).thenApply(response -> {
            List<ParameterValue> applied = typed.stream()
                    .map(p -> new ParameterValue(p.name(), p.value(), p.type(), null)).toList();
            twins.applyUpdates(id, applied, clock.instant());
            return new SetParametersResult(values, response.status() == 1);
        });
    }

    @Override
    public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
        return operations.submit(id, new Reboot(commandKey)).thenApply(response -> null);
    }

    @Override
    public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
        return operations.submit(id, new FactoryReset()).thenApply(response -> null);
    }

    @Override
    public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
        Download request = Download.firmware(download.commandKey(), download.url(), download.fileSize(),
                fileNameOf(download.url()));
        return operations.submit(id, request).thenAccept(response -> {
            if (response.status() == 1) {
                // tracked before this session goes on: TransferComplete can only come after this point
                devices.getOrCreate(id).transfers().track(download.commandKey(), request.fileType(), request.url(),
                        clock.instant());
            } else {
                events.publish(new DeviceEvent.OperationCompleted(id, clock.instant(), Download.NAME,
                        download.commandKey(), 0, "", Map.of("completeTime", response.completeTime())));
            }
        });
    }

    /** The last path segment of the URL: what most CPEs expect as TargetFileName. */
    static String fileNameOf(String url) {
        String path = url;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 && path.indexOf("//") != slash - 1 ? path.substring(slash + 1) : "";
    }

    @Override
    public CompletionStage<Void> refresh(DeviceId id, String path) {
        if (!path.endsWith(".")) {
            return refresh(id, List.of(path));
        }
        CwmpDevice device = devices.getOrCreate(id);
        // a subtree's names come from the device and may vanish before their values are read: left out silently
        CompletableFuture<Void> refreshed = (device.fullWalkFailed()
                ? fetcher.walkLevels(device, path, RpcLane.OPERATION) : fetcher.walk(device, path, RpcLane.OPERATION))
                .thenApply(ParameterFetcher::leafNames)
                .thenCompose(names -> fetcher.valuesOfListedNames(device, names, RpcLane.OPERATION))
                .thenAccept(values -> twins.applyUpdates(id, TwinSynchronizer.toTwin(values), clock.instant()));
        operations.wakeUp(id);
        return refreshed;
    }

    /** One GetParameterValues for all names (chunked only by the device's chunk size), in a session asked for now. */
    @Override
    public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
        CompletableFuture<Void> refreshed = readValues(id, paths);
        if (!refreshed.isDone()) { // nothing to read, or refused before anything was queued: no session needed
            operations.wakeUp(id);
        }
        return refreshed;
    }

    /** Queued for the device's next session, whichever brings it: no Connection Request is sent for it. */
    @Override
    public CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
        return readValues(id, paths);
    }

    /**
     * Queues the read of full names (each once); the answer goes to the twin. A name the device no longer knows
     * faults the whole GetParameterValues (9005); it is split out so the other values still arrive, and the caller
     * learns which names were refused.
     */
    private CompletableFuture<Void> readValues(DeviceId id, List<String> paths) {
        List<String> names = List.copyOf(new LinkedHashSet<>(paths));
        if (names.stream().anyMatch(name -> name.endsWith("."))) {
            // some CPEs die on a partial path in GetParameterValues: a subtree is walked by refresh(id, path)
            return CompletableFuture.failedFuture(new DeviceOperationException(CwmpFault.CPE_INVALID_ARGUMENTS,
                    "Invalid arguments: only full parameter names are read together, not " + names.stream()
                            .filter(name -> name.endsWith(".")).toList()));
        }
        return fetcher.valuesLeavingOutVanished(devices.getOrCreate(id), names, RpcLane.OPERATION)
                .thenAccept(fetched -> {
                    twins.applyUpdates(id, TwinSynchronizer.toTwin(fetched.values()), clock.instant());
                    if (!fetched.vanished().isEmpty()) {
                        throw new CompletionException(refused(fetched.vanished(), names.size()));
                    }
                });
    }

    private static DeviceOperationException refused(List<String> vanished, int asked) {
        List<ParameterFault> faults = vanished.stream().map(name -> new ParameterFault(name,
                CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name")).toList();
        return new DeviceOperationException(CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name: the device "
                + "does not know " + vanished.size() + " of the " + asked + " name(s) read", faults);
    }

    @Override
    public void forget(DeviceId id) {
        devices.remove(id).ifPresent(device -> {
            device.syncRetry().reset();
            device.queue().cancelAll(
                    new DeviceOperationException(DeviceOperationException.CANCELLED, "device forgotten"));
        });
        twins.remove(id);
    }

    @Override
    public Subscription subscribe(DeviceEventListener listener) {
        return events.subscribe(listener);
    }
}
