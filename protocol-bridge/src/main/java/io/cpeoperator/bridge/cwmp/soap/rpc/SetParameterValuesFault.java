package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The per-parameter detail of a 9003 Fault answering SetParameterValues. */
public record SetParameterValuesFault(String parameterName, int faultCode, String faultString) {

    public SetParameterValuesFault {
        parameterName = Text.orEmpty(parameterName);
        faultString = Text.orEmpty(faultString);
    }

    static SetParameterValuesFault read(XmlElement e) throws CwmpDecodeException {
        return new SetParameterValuesFault(e.childText("ParameterName", ""), e.intOr("FaultCode", 0),
                e.childText("FaultString", ""));
    }

    void write(SoapWriter out) {
        out.open("SetParameterValuesFault").leaf("ParameterName", parameterName).leaf("FaultCode", faultCode)
                .leaf("FaultString", faultString).close("SetParameterValuesFault");
    }
}
