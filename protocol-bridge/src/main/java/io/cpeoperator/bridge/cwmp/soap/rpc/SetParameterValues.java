package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/**
 * Writes values atomically; the CPE stores {@code parameterKey} in ManagementServer.ParameterKey on success. Every
 * value carries its xsi:type (a missing one crashes some devices).
 */
public record SetParameterValues(List<ParameterValueStruct> parameters, String parameterKey)
        implements CwmpRequest<SetParameterValuesResponse> {

    public static final String NAME = "SetParameterValues";

    public SetParameterValues {
        parameters = List.copyOf(parameters);
        parameterKey = Text.orEmpty(parameterKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SetParameterValuesResponse> responseType() {
        return SetParameterValuesResponse.class;
    }

    static SetParameterValues read(XmlElement e) throws CwmpDecodeException {
        return new SetParameterValues(Text.readArray(e, "ParameterList", ParameterValueStruct::read),
                e.childText("ParameterKey", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.openArray("ParameterList", "cwmp:ParameterValueStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList").leaf("ParameterKey", parameterKey);
    }
}
