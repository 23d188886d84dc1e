package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** Reads values by full names (or partial paths, which not every device survives: see the vectors' README). */
public record GetParameterValues(List<String> parameterNames) implements CwmpRequest<GetParameterValuesResponse> {

    public static final String NAME = "GetParameterValues";

    public GetParameterValues {
        parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GetParameterValuesResponse> responseType() {
        return GetParameterValuesResponse.class;
    }

    static GetParameterValues read(XmlElement e) {
        return new GetParameterValues(Text.readStrings(e, "ParameterNames"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.stringArray("ParameterNames", parameterNames);
    }
}
