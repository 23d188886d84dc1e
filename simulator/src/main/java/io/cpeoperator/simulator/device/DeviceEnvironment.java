package io.cpeoperator.simulator.device;

import io.cpeoperator.simulator.clock.SimClock;
import io.cpeoperator.simulator.scenario.FirmwareDefects;

import java.util.Objects;

/**
 * What all devices of one simulator share: the clock, where the management systems are, and the credentials.
 *
 * @param connectionRequestBase e.g. {@code http://127.0.0.1:7548/cr/}; a device appends its own path
 * @param acsUsername           ManagementServer.Username; empty means per device {@code <OUI>-<serial>}
 * @param acsPassword           ManagementServer.Password (HTTP Basic/Digest towards the ACS)
 * @param crUsername            ConnectionRequestUsername; empty means per device {@code cr-<serial>}
 * @param crPassword            ConnectionRequestPassword checked by the connection-request listener
 * @param informIntervalSeconds default ManagementServer.PeriodicInformInterval
 * @param firmwareDefects       the versions declared bad; declarations made later reach the devices too
 */
public record DeviceEnvironment(SimClock clock, String connectionRequestBase, String brokerHost, int brokerPort,
                                String acsUsername, String acsPassword, String crUsername, String crPassword,
                                long informIntervalSeconds, FirmwareDefects firmwareDefects) {

    public DeviceEnvironment {
        Objects.requireNonNull(firmwareDefects, "firmwareDefects");
    }

    public static DeviceEnvironment of(SimClock clock) {
        return of(clock, new FirmwareDefects());
    }

    public static DeviceEnvironment of(SimClock clock, FirmwareDefects firmwareDefects) {
        return new DeviceEnvironment(clock, "http://127.0.0.1:7548/cr/", "127.0.0.1", 1883, "", "", "", "", 300,
                firmwareDefects);
    }
}
