package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The new instance number; status 1 means it takes effect after a reboot. */
public record AddObjectResponse(long instanceNumber, int status) implements CwmpResponse {

    public static final String NAME = "AddObjectResponse";

    @Override
    public String name() {
        return NAME;
    }

    static AddObjectResponse read(XmlElement e) throws CwmpDecodeException {
        long instance = e.longOr("InstanceNumber", -1);
        if (instance < 1) {
            throw CwmpDecodeException.invalidArguments("AddObjectResponse lacks a positive InstanceNumber");
        }
        return new AddObjectResponse(instance, e.requiredInt("Status"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("InstanceNumber", instanceNumber).leaf("Status", status);
    }
}
