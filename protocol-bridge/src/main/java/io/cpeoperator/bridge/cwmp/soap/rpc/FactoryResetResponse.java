package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The CPE accepted a FactoryReset; it resets after the session ends. */
public record FactoryResetResponse() implements CwmpResponse {

    public static final String NAME = "FactoryResetResponse";

    @Override
    public String name() {
        return NAME;
    }

    static FactoryResetResponse read(XmlElement e) {
        return new FactoryResetResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
