package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The ACS acknowledges a RequestDownload (the Download itself follows as an ACS request). */
public record RequestDownloadResponse() implements CwmpResponse {

    public static final String NAME = "RequestDownloadResponse";

    @Override
    public String name() {
        return NAME;
    }

    static RequestDownloadResponse read(XmlElement e) {
        return new RequestDownloadResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
