package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** Switches notification (off, passive, active) and access lists; used to get value changes pushed. */
public record SetParameterAttributes(List<SetParameterAttributesStruct> parameters)
        implements CwmpRequest<SetParameterAttributesResponse> {

    public static final String NAME = "SetParameterAttributes";

    public SetParameterAttributes {
        parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SetParameterAttributesResponse> responseType() {
        return SetParameterAttributesResponse.class;
    }

    static SetParameterAttributes read(XmlElement e) throws CwmpDecodeException {
        return new SetParameterAttributes(Text.readArray(e, "ParameterList", SetParameterAttributesStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.openArray("ParameterList", "cwmp:SetParameterAttributesStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList");
    }
}
