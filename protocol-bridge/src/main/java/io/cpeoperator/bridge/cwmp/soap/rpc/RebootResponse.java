package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The CPE accepted a Reboot; it reboots after the session ends and reports M Reboot. */
public record RebootResponse() implements CwmpResponse {

    public static final String NAME = "RebootResponse";

    @Override
    public String name() {
        return NAME;
    }

    static RebootResponse read(XmlElement e) {
        return new RebootResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
