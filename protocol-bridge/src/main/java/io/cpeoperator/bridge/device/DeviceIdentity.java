package io.cpeoperator.bridge.device;

import java.util.Objects;

/**
 * What a device says about itself when it connects: enough to name it, label it and pick its twin schema.
 * Fields the device did not report are empty strings, never null.
 *
 * @param id              the identity key
 * @param manufacturer    e.g. "Huawei Technologies Co., Ltd"
 * @param oui             the manufacturer OUI, six hex digits
 * @param productClass    e.g. "BM632w"; may be empty
 * @param serialNumber    the serial number
 * @param modelName       e.g. "BM632w" (DeviceInfo.ModelName), may be empty
 * @param softwareVersion the running firmware version
 * @param hardwareVersion the hardware revision
 * @param dataModelRoot   "Device." (TR-181) or "InternetGatewayDevice." (TR-098)
 */
public record DeviceIdentity(
        DeviceId id,
        String manufacturer,
        String oui,
        String productClass,
        String serialNumber,
        String modelName,
        String softwareVersion,
        String hardwareVersion,
        String dataModelRoot) {

    public DeviceIdentity {
        Objects.requireNonNull(id, "id");
        manufacturer = orEmpty(manufacturer);
        oui = orEmpty(oui);
        productClass = orEmpty(productClass);
        serialNumber = orEmpty(serialNumber);
        modelName = orEmpty(modelName);
        softwareVersion = orEmpty(softwareVersion);
        hardwareVersion = orEmpty(hardwareVersion);
        dataModelRoot = dataModelRoot == null || dataModelRoot.isEmpty() ? "Device." : dataModelRoot;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
