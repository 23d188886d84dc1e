package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The outcome of a transfer: {@code faultCode} 0 means success. */
public record FaultStruct(int faultCode, String faultString) {

    public static final FaultStruct SUCCESS = new FaultStruct(0, "");

    public FaultStruct {
        faultString = Text.orEmpty(faultString);
    }

    static FaultStruct read(XmlElement parent) throws CwmpDecodeException {
        XmlElement e = parent.child("FaultStruct");
        return e == null ? SUCCESS : new FaultStruct(e.intOr("FaultCode", 0), e.childText("FaultString", ""));
    }

    void write(SoapWriter out) {
        out.open("FaultStruct").leaf("FaultCode", faultCode).leaf("FaultString", faultString).close("FaultStruct");
    }
}
