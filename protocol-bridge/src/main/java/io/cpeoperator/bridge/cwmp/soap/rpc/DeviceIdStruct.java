package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The {@code DeviceId} structure of an Inform. */
public record DeviceIdStruct(String manufacturer, String oui, String productClass, String serialNumber) {

    public DeviceIdStruct {
        manufacturer = Text.orEmpty(manufacturer);
        oui = Text.orEmpty(oui);
        productClass = Text.orEmpty(productClass);
        serialNumber = Text.orEmpty(serialNumber);
    }

    static DeviceIdStruct read(XmlElement e) throws CwmpDecodeException {
        return new DeviceIdStruct(e.childText("Manufacturer", ""), e.requiredText("OUI"),
                e.childText("ProductClass", ""), e.requiredText("SerialNumber"));
    }

    void write(SoapWriter out) {
        out.open("DeviceId")
                .leaf("Manufacturer", manufacturer)
                .leaf("OUI", oui)
                .leaf("ProductClass", productClass)
                .leaf("SerialNumber", serialNumber)
                .close("DeviceId");
    }
}
