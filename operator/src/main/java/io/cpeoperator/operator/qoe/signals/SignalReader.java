package io.cpeoperator.operator.qoe.signals;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.operator.device.summary.TwinValues;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the {@link DeviceSignals} of one device from its twin, in the TR-181 or the TR-098 data model. Pure reads,
 * bounded per table; a value that does not parse or is out of range counts as not reported. Never throws for what a
 * device sent.
 */
public final class SignalReader {

    /** @return empty when the store holds no twin of the device */
    public Optional<DeviceSignals> read(TwinStore twins, DeviceId id, Instant now) {
        if (!twins.contains(id)) {
            return Optional.empty();
        }
        TwinReadings twin = new TwinReadings(new TwinValues(twins, id));
        boolean tr098 = twin.parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion").isPresent()
                || twin.parameter("InternetGatewayDevice.DeviceInfo.UpTime").isPresent();
        if (tr098) {
            Tr098Reader reader = new Tr098Reader(twin);
            return Optional.of(new DeviceSignals(now, "TR-098", reader.wifi(), reader.wan(),
                    new SystemReader(twin).read("InternetGatewayDevice."), Optional.empty(),
                    twin.text("InternetGatewayDevice.DeviceInfo.SoftwareVersion").orElse("")));
        }
        return Optional.of(new DeviceSignals(now, "TR-181", new Tr181WifiReader(twin).read(),
                new Tr181WanReader(twin).read(), new SystemReader(twin).read("Device."), MeshReader.read(twin),
                twin.text("Device.DeviceInfo.SoftwareVersion").orElse("")));
    }
}
