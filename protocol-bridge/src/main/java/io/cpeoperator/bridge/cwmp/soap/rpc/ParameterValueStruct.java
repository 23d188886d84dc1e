package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;
import io.cpeoperator.bridge.twin.ParameterType;

import java.util.Objects;

/**
 * A parameter name with its typed value. The value is kept as on the wire; {@code type} comes from the
 * {@code xsi:type} attribute ({@link ParameterType#UNKNOWN} when the device left it out).
 */
public record ParameterValueStruct(String name, String value, ParameterType type) {

    public ParameterValueStruct {
        Objects.requireNonNull(name, "name");
        value = Text.orEmpty(value);
        type = type == null ? ParameterType.UNKNOWN : type;
    }

    public static ParameterValueStruct string(String name, String value) {
        return new ParameterValueStruct(name, value, ParameterType.STRING);
    }

    static ParameterValueStruct read(XmlElement e) throws CwmpDecodeException {
        String name = e.requiredText("Name");
        XmlElement value = e.requiredChild("Value");
        ParameterType type = typeOf(value.attribute("type"));
        // Only strings keep surrounding whitespace; numbers and booleans pretty-printed by a device are trimmed.
        String text = type == ParameterType.STRING || type == ParameterType.UNKNOWN ? value.text() : value.trimmedText();
        return new ParameterValueStruct(name, text, type);
    }

    /** The usual spellings straight away; anything else through the contract's tolerant mapping. */
    private static ParameterType typeOf(String xsiType) {
        if (xsiType == null) {
            return ParameterType.UNKNOWN;
        }
        return switch (xsiType) {
            case "xsd:string" -> ParameterType.STRING;
            case "xsd:unsignedInt" -> ParameterType.UNSIGNED_INT;
            case "xsd:int" -> ParameterType.INT;
            case "xsd:boolean" -> ParameterType.BOOLEAN;
            case "xsd:dateTime" -> ParameterType.DATE_TIME;
            case "xsd:unsignedLong" -> ParameterType.UNSIGNED_LONG;
            case "xsd:long" -> ParameterType.LONG;
            default -> ParameterType.fromXsd(xsiType);
        };
    }

    void write(SoapWriter out) {
        out.open("ParameterValueStruct").leaf("Name", name).typedValue("Value", type, value).close("ParameterValueStruct");
    }
}
