package io.cpeoperator.bridge.twin;

import java.util.Locale;

/** The TR-069 / TR-369 parameter types, with their xsd names as written on the CWMP wire. */
public enum ParameterType {
    STRING("xsd:string"),
    INT("xsd:int"),
    UNSIGNED_INT("xsd:unsignedInt"),
    LONG("xsd:long"),
    UNSIGNED_LONG("xsd:unsignedLong"),
    BOOLEAN("xsd:boolean"),
    DATE_TIME("xsd:dateTime"),
    BASE64("xsd:base64"),
    HEX_BINARY("xsd:hexBinary"),
    DECIMAL("xsd:decimal"),
    /** Type not reported (USP Get responses carry no types; GetSupportedDM fills them in later). */
    UNKNOWN("xsd:string");

    private final String xsdName;

    ParameterType(String xsdName) {
        this.xsdName = xsdName;
    }

    /** The name written in an {@code xsi:type} attribute, e.g. {@code xsd:unsignedInt}. */
    public String xsdName() {
        return xsdName;
    }

    /**
     * Maps an {@code xsi:type} value with any prefix ({@code xsd:int}, {@code xs:int}, {@code int}) to a type;
     * unknown or missing names map to {@link #UNKNOWN}.
     */
    public static ParameterType fromXsd(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        int colon = name.indexOf(':');
        String local = (colon >= 0 ? name.substring(colon + 1) : name).trim().toLowerCase(Locale.ROOT);
        return switch (local) {
            case "string" -> STRING;
            case "int", "integer" -> INT;
            case "unsignedint" -> UNSIGNED_INT;
            case "long" -> LONG;
            case "unsignedlong" -> UNSIGNED_LONG;
            case "boolean" -> BOOLEAN;
            case "datetime" -> DATE_TIME;
            case "base64", "base64binary" -> BASE64;
            case "hexbinary" -> HEX_BINARY;
            case "decimal" -> DECIMAL;
            default -> UNKNOWN;
        };
    }
}
