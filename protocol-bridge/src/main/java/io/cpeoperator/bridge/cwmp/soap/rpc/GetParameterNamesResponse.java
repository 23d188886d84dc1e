package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** The names (objects end in '.') and writability found below the requested path. */
public record GetParameterNamesResponse(List<ParameterInfoStruct> parameters) implements CwmpResponse {

    public static final String NAME = "GetParameterNamesResponse";

    public GetParameterNamesResponse {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    static GetParameterNamesResponse read(XmlElement e) throws CwmpDecodeException {
        return new GetParameterNamesResponse(Text.readArray(e, "ParameterList", ParameterInfoStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.openArray("ParameterList", "cwmp:ParameterInfoStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList");
    }
}
