package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Asks the other side which methods it supports; sent by either side. */
public record GetRPCMethods() implements CwmpRequest<GetRPCMethodsResponse> {

    public static final String NAME = "GetRPCMethods";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GetRPCMethodsResponse> responseType() {
        return GetRPCMethodsResponse.class;
    }

    static GetRPCMethods read(XmlElement e) {
        return new GetRPCMethods();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
