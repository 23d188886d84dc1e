package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** The methods one side supports. */
public record GetRPCMethodsResponse(List<String> methods) implements CwmpResponse {

    public static final String NAME = "GetRPCMethodsResponse";

    public GetRPCMethodsResponse {
        methods = List.copyOf(methods);
    }

    @Override
    public String name() {
        return NAME;
    }

    static GetRPCMethodsResponse read(XmlElement e) {
        return new GetRPCMethodsResponse(Text.readStrings(e, "MethodList"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.stringArray("MethodList", methods);
    }
}
