package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** Typed values of the requested parameters. */
public record GetParameterValuesResponse(List<ParameterValueStruct> parameters) implements CwmpResponse {

    public static final String NAME = "GetParameterValuesResponse";

    public GetParameterValuesResponse {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    static GetParameterValuesResponse read(XmlElement e) throws CwmpDecodeException {
        return new GetParameterValuesResponse(Text.readArray(e, "ParameterList", ParameterValueStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.openArray("ParameterList", "cwmp:ParameterValueStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList");
    }
}
