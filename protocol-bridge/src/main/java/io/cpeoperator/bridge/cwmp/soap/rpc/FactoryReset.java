package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Resets the CPE to factory defaults after the session; it comes back with "0 BOOTSTRAP". */
public record FactoryReset() implements CwmpRequest<FactoryResetResponse> {

    public static final String NAME = "FactoryReset";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FactoryResetResponse> responseType() {
        return FactoryResetResponse.class;
    }

    static FactoryReset read(XmlElement e) {
        return new FactoryReset();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
