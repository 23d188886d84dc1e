package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Status 0: deleted; 1: deleted after a reboot. */
public record DeleteObjectResponse(int status) implements CwmpResponse {

    public static final String NAME = "DeleteObjectResponse";

    @Override
    public String name() {
        return NAME;
    }

    static DeleteObjectResponse read(XmlElement e) throws CwmpDecodeException {
        return new DeleteObjectResponse(e.requiredInt("Status"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("Status", status);
    }
}
