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
 * @param radioBands       the band of each radio, in instance order ({@code Radio.1} first); the first two carry
 *                         the access points (odd ones on the first radio, even ones on the second)
 * @param meshNode         true for a mesh satellite with a wireless backhaul
 * @param memoryKiB        DeviceInfo.MemoryStatus.Total
 * @param uspCapable       true when the model can run a USP agent (TR-181 models)
 */
public record VendorModel(String manufacturer, String oui, String productClass, String description,
                          String hardwareVersion, DataModel dataModel, List<String> firmwareVersions,
                          String buggyFirmware, List<Band> radioBands, boolean meshNode, long memoryKiB, boolean uspCapable,
                          boolean pppoeWan) {

    public VendorModel {
        Objects.requireNonNull(productClass, "productClass");
        firmwareVersions = List.copyOf(firmwareVersions);
        radioBands = List.copyOf(radioBands);
        if (radioBands.size() < 2) {
            throw new IllegalArgumentException("a model needs at least two radios");
        }
        if (firmwareVersions.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one firmware version");
        }
    }

    public int radios() {
        return radioBands.size();
    }

    /** The band of radio {@code radio} (1-based). */
    public Band band(int radio) {
        return radioBands.get(radio - 1);
    }

    /** The instance number of the first radio on {@code band}, or 0 when the model has none. */
    public int radioOf(Band band) {
        return radioBands.indexOf(band) + 1;
    }

    /** The radio carrying SSID/access point {@code ap} (1-based): odd ones on Radio.1, even ones on Radio.2. */
    public int accessPointRadio(int ap) {
        return (ap - 1) % 2 + 1;
    }

    public Band accessPointBand(int ap) {
        return band(accessPointRadio(ap));
    }

    /** Whether the root has per-client Wi-Fi signal, noise and a neighbour scan (TR-181 has; TR-098 has not). */
    public boolean perClientWifiData() {
        return dataModel == DataModel.TR181;
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
