package io.cpeoperator.bridge.twin;

/**
 * Devices with the same key share one interned path schema: same vendor, product class and firmware means the same
 * data model (instance numbers aside).
 */
public record TwinSchemaKey(String oui, String productClass, String softwareVersion) {
    public TwinSchemaKey {
        oui = oui == null ? "" : oui;
        productClass = productClass == null ? "" : productClass;
        softwareVersion = softwareVersion == null ? "" : softwareVersion;
    }
}
