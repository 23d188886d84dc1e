package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The CPE applied every attribute change of a SetParameterAttributes. */
public record SetParameterAttributesResponse() implements CwmpResponse {

    public static final String NAME = "SetParameterAttributesResponse";

    @Override
    public String name() {
        return NAME;
    }

    static SetParameterAttributesResponse read(XmlElement e) {
        return new SetParameterAttributesResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
