package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.Objects;

/** One entry of a GetParameterNamesResponse; object paths end in '.'. */
public record ParameterInfoStruct(String name, boolean writable) {

    public ParameterInfoStruct {
        Objects.requireNonNull(name, "name");
    }

    public boolean isObject() {
        return name.endsWith(".");
    }

    static ParameterInfoStruct read(XmlElement e) throws CwmpDecodeException {
        return new ParameterInfoStruct(e.requiredText("Name"), e.booleanOr("Writable", false));
    }

    void write(SoapWriter out) {
        out.open("ParameterInfoStruct").leaf("Name", name).leaf("Writable", writable).close("ParameterInfoStruct");
    }
}
