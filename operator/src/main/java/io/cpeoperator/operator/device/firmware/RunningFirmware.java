package io.cpeoperator.operator.device.firmware;

import java.time.Instant;

/**
 * What the twin says the device runs and when it last booted; either is null while not known.
 *
 * @param version  DeviceInfo.SoftwareVersion
 * @param bootTime the last boot, derived from the uptime
 */
public record RunningFirmware(String version, Instant bootTime) {
}
