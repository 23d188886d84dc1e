package io.cpeoperator.bridge.device;

import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositeDeviceGatewayTest {

    private final TwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2),
            new SimpleMeterRegistry(), Clock.systemUTC());
    private final RecordingBridge cwmp = new RecordingBridge("cwmp");
    private final RecordingBridge usp = new RecordingBridge("usp");
    private final DeviceId cwmpDevice = DeviceId.cwmp("00D09E", "IGD", "1");
    private final DeviceId uspDevice = DeviceId.usp("os::00D09E-1");

    @Test
    void routesEveryCallByProtocol() {
        CompositeDeviceGateway gateway = new CompositeDeviceGateway(twins,
                Map.of(Protocol.CWMP, cwmp, Protocol.USP, usp));

        gateway.setParameters(cwmpDevice, Map.of("Device.X", "1"), "k");
        gateway.reboot(uspDevice, "r");
        gateway.factoryReset(cwmpDevice, "f");
        gateway.downloadFirmware(uspDevice, new FirmwareDownload("https://x/fw", "2.0", "", "fw1", 0));
        gateway.refresh(cwmpDevice, "Device.");
        gateway.refresh(uspDevice, List.of("Device.X", "Device.Y"));
        gateway.refreshAtNextContact(cwmpDevice, List.of("Device.X"));
        gateway.forget(uspDevice);

        assertThat(cwmp.calls).containsExactly("set " + cwmpDevice, "factoryReset " + cwmpDevice,
                "refresh " + cwmpDevice, "refreshAtNextContact " + cwmpDevice);
        assertThat(usp.calls).containsExactly("reboot " + uspDevice, "download " + uspDevice,
                "refresh [Device.X, Device.Y] " + uspDevice, "forget " + uspDevice);
        assertThat(gateway.isConnected(cwmpDevice)).isTrue();
        assertThat(gateway.identity(uspDevice)).isEmpty();
        assertThat(gateway.twins()).isSameAs(twins);
    }

    @Test
    void aProtocolWithoutBridgeIsUnreachableNeverAnException() {
        CompositeDeviceGateway gateway = new CompositeDeviceGateway(twins, Map.of(Protocol.CWMP, cwmp));

        assertThat(gateway.isConnected(uspDevice)).isFalse();
        CompletionStage<Void> reboot = gateway.reboot(uspDevice, "r");
        assertThatThrownBy(() -> reboot.toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(DeviceOperationException.class,
                        e -> assertThat(e.faultCode()).isEqualTo(DeviceOperationException.UNREACHABLE));
        gateway.forget(uspDevice); // drops the twin even without a bridge
        assertThat(twins.contains(uspDevice)).isFalse();
    }

    @Test
    void oneSubscriptionReceivesEveryBridgesEventsAndClosesAll() {
        CompositeDeviceGateway gateway = new CompositeDeviceGateway(twins,
                Map.of(Protocol.CWMP, cwmp, Protocol.USP, usp));
        List<DeviceEvent> received = new ArrayList<>();
        Subscription subscription = gateway.subscribe(received::add);

        cwmp.emit(new DeviceEvent.Synced(cwmpDevice, Instant.now(), 3));
        usp.emit(new DeviceEvent.Synced(uspDevice, Instant.now(), 4));
        subscription.close();
        cwmp.emit(new DeviceEvent.Synced(cwmpDevice, Instant.now(), 5));

        assertThat(received).extracting(DeviceEvent::deviceId).containsExactly(cwmpDevice, uspDevice);
    }

    /** A bridge that records what it was asked. */
    private final class RecordingBridge implements DeviceGateway {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
        final String name;

        RecordingBridge(String name) {
            this.name = name;
        }

        void emit(DeviceEvent event) {
            listeners.forEach(l -> l.onEvent(event));
        }

        @Override
        public TwinStore twins() {
            return twins;
        }

        @Override
        public Optional<DeviceIdentity> identity(DeviceId id) {
            return Optional.empty();
        }

        @Override
        public boolean isConnected(DeviceId id) {
            return true;
        }

        @Override
        public CompletionStage<SetParametersResult> setParameters(DeviceId id, Map<String, String> values,
                                                                  String parameterKey) {
            calls.add("set " + id);
            return CompletableFuture.completedFuture(new SetParametersResult(values, false));
        }

        @Override
        public CompletionStage<Void> reboot(DeviceId id, String commandKey) {
            calls.add("reboot " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> factoryReset(DeviceId id, String commandKey) {
            calls.add("factoryReset " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> downloadFirmware(DeviceId id, FirmwareDownload download) {
            calls.add("download " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> refresh(DeviceId id, String path) {
            calls.add("refresh " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> refresh(DeviceId id, List<String> paths) {
            calls.add("refresh " + paths + " " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> refreshAtNextContact(DeviceId id, List<String> paths) {
            calls.add("refreshAtNextContact " + id);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void forget(DeviceId id) {
            calls.add("forget " + id);
        }

        @Override
        public Subscription subscribe(DeviceEventListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
