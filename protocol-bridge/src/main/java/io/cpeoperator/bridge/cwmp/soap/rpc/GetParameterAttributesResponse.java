package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** The attributes of the requested parameters. */
public record GetParameterAttributesResponse(List<ParameterAttributeStruct> parameters) implements CwmpResponse {

    public static final String NAME = "GetParameterAttributesResponse";

    public GetParameterAttributesResponse {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    static GetParameterAttributesResponse read(XmlElement e) throws CwmpDecodeException {
        return new GetParameterAttributesResponse(
                Text.readArray(e, "ParameterList", ParameterAttributeStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.openArray("ParameterList", "cwmp:ParameterAttributeStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList");
    }
}
