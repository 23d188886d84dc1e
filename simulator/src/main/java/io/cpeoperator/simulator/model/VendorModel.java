package io.cpeoperator.simulator.model;

import java.util.List;
import java.util.Objects;

/**
 * A product the simulator can impersonate.
 *
 * @param productClass     DeviceInfo.ProductClass (also ModelName)
 * @param dataModel        which root the model uses
 * @param firmwareVersions versions it ships with, oldest first; devices start on one of them
 * @param buggyFirmware    the version on which a device in the reboot-loop scenario keeps rebooting; empty if none
 * @param radios           2 (dual band) or 3 (tri band, mesh)
 * @param meshNode         true for a mesh satellite with a wireless backhaul
 * @param memoryKiB        DeviceInfo.MemoryStatus.Total
 * @param uspCapable       true when the model can run a USP agent (TR-181 models)
 */
public record VendorModel(String manufacturer, String oui, String productClass, String description,
                          String hardwareVersion, DataModel dataModel, List<String> firmwareVersions,
                          String buggyFirmware, int radios, boolean meshNode, long memoryKiB, boolean uspCapable,
                          boolean pppoeWan) {

    public VendorModel {
        Objects.requireNonNull(productClass, "productClass");
        firmwareVersions = List.copyOf(firmwareVersions);
        if (firmwareVersions.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one firmware version");
        }
    }

    public String latestFirmware() {
        return firmwareVersions.get(firmwareVersions.size() - 1);
    }

    /** The two data model roots. */
    public enum DataModel {
        TR181("Device."),
        TR098("InternetGatewayDevice.");

        private final String root;

        DataModel(String root) {
            this.root = root;
        }

        public String root() {
            return root;
        }
    }
}
