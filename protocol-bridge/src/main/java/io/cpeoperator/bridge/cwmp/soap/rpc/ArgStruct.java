package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** A name/value argument of a RequestDownload. */
public record ArgStruct(String name, String value) {

    public ArgStruct {
        name = Text.orEmpty(name);
        value = Text.orEmpty(value);
    }

    static ArgStruct read(XmlElement e) throws CwmpDecodeException {
        return new ArgStruct(e.requiredText("Name"), e.childRawText("Value", ""));
    }

    void write(SoapWriter out) {
        out.open("ArgStruct").leaf("Name", name).leaf("Value", value).close("ArgStruct");
    }
}
