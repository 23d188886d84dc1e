package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The ACS acknowledges an AutonomousTransferComplete. */
public record AutonomousTransferCompleteResponse() implements CwmpResponse {

    public static final String NAME = "AutonomousTransferCompleteResponse";

    @Override
    public String name() {
        return NAME;
    }

    static AutonomousTransferCompleteResponse read(XmlElement e) {
        return new AutonomousTransferCompleteResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
