package io.cpeoperator.operator.device.events;

import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Re-reads a device's uptime after it booted. The boot time in status is derived from the twin's uptime, and a boot
 * does not always bring a fresh one (a CWMP "1 BOOT" Inform does not carry UpTime): without the re-read the boot
 * time, and with it the Rebooted Event, would wait for the next full synchronisation.
 */
final class UptimeRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(UptimeRefresh.class);
    private static final List<String> UPTIME_PATHS = List.of("Device.DeviceInfo.UpTime",
            "InternetGatewayDevice.DeviceInfo.UpTime");

    private final DeviceGateway gateway;

    UptimeRefresh(DeviceGateway gateway) {
        this.gateway = gateway;
    }

    /** Asks for the uptime of the data model the twin holds; a device not synchronised yet gets it with its sync. */
    void afterBoot(DeviceId id) {
        for (String path : UPTIME_PATHS) {
            if (gateway.twins().get(id, path).isPresent()) {
                try {
                    gateway.refresh(id, path).exceptionally(error -> {
                        LOG.debug("{}: re-reading {} after boot failed: {}", id, path, error.toString());
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.debug("{}: re-reading {} after boot failed: {}", id, path, e.toString());
                }
                return;
            }
        }
    }
}
