package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Status 0: applied; 1: applied and committed but effective only after a reboot. */
public record SetParameterValuesResponse(int status) implements CwmpResponse {

    public static final String NAME = "SetParameterValuesResponse";

    @Override
    public String name() {
        return NAME;
    }

    static SetParameterValuesResponse read(XmlElement e) throws CwmpDecodeException {
        return new SetParameterValuesResponse(e.requiredInt("Status"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("Status", status);
    }
}
