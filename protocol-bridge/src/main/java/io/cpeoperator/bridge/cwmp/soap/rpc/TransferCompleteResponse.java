package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The ACS acknowledges a TransferComplete; the CPE may then forget it. */
public record TransferCompleteResponse() implements CwmpResponse {

    public static final String NAME = "TransferCompleteResponse";

    @Override
    public String name() {
        return NAME;
    }

    static TransferCompleteResponse read(XmlElement e) {
        return new TransferCompleteResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
