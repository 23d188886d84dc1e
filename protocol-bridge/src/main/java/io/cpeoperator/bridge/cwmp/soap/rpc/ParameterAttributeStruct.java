package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a GetParameterAttributesResponse.
 *
 * @param notification 0 off, 1 passive, 2 active (3-6 in later amendments)
 */
public record ParameterAttributeStruct(String name, int notification, List<String> accessList) {

    public ParameterAttributeStruct {
        Objects.requireNonNull(name, "name");
        accessList = List.copyOf(accessList);
    }

    static ParameterAttributeStruct read(XmlElement e) throws CwmpDecodeException {
        return new ParameterAttributeStruct(e.requiredText("Name"), e.intOr("Notification", 0),
                Text.readStrings(e, "AccessList"));
    }

    void write(SoapWriter out) {
        out.open("ParameterAttributeStruct").leaf("Name", name).leaf("Notification", notification)
                .stringArray("AccessList", accessList).close("ParameterAttributeStruct");
    }
}
