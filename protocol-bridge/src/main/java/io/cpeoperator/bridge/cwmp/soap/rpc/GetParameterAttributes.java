package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** Reads notification and access-list attributes. */
public record GetParameterAttributes(List<String> parameterNames)
        implements CwmpRequest<GetParameterAttributesResponse> {

    public static final String NAME = "GetParameterAttributes";

    public GetParameterAttributes {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GetParameterAttributesResponse> responseType() {
        return GetParameterAttributesResponse.class;
    }

    static GetParameterAttributes read(XmlElement e) {
        return new GetParameterAttributes(Text.readStrings(e, "ParameterNames"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.stringArray("ParameterNames", parameterNames);
    }
}
