package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The ACS's answer to an Inform; MaxEnvelopes is always 1 (TR-069 requires it from an ACS). */
public record InformResponse(int maxEnvelopes) implements CwmpResponse {

    public static final String NAME = "InformResponse";

    public static InformResponse standard() {
        return new InformResponse(1);
    }

    @Override
    public String name() {
        return NAME;
    }

    static InformResponse read(XmlElement e) throws CwmpDecodeException {
        return new InformResponse(e.intOr("MaxEnvelopes", 1));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("MaxEnvelopes", maxEnvelopes);
    }
}
