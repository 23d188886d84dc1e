package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.twin.ParameterType;

import java.util.Collection;

/**
 * Writes the inside of a SOAP body with the literal prefixes devices hard-code: {@code soap-env}, {@code soap-enc},
 * {@code xsd}, {@code xsi} and {@code cwmp} (genieacs-sim, like many embedded stacks, crashes on a default
 * namespace). Method arguments are unqualified, as TR-069 specifies. Text is escaped for XML 1.0.
 */
public final class SoapWriter {

    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final StringBuilder out;

    SoapWriter(StringBuilder out) {
        this.out = out;
    }

    /** Opens a CWMP method element, e.g. {@code <cwmp:Inform>}. */
    public SoapWriter openMethod(String name) {
        out.append("<cwmp:").append(name).append('>');
        return this;
    }

    public SoapWriter closeMethod(String name) {
        out.append("</cwmp:").append(name).append('>');
        return this;
    }

    /** Opens any element by its qualified name as written (e.g. {@code ParameterList}, {@code soap-env:Fault}). */
    public SoapWriter open(String qualifiedName) {
        out.append('<').append(qualifiedName).append('>');
        return this;
    }

    public SoapWriter close(String qualifiedName) {
        out.append("</").append(qualifiedName).append('>');
        return this;
    }

    /** Opens a SOAP-encoded array: {@code <name soap-enc:arrayType="itemType[count]">}. */
    public SoapWriter openArray(String name, String itemType, int count) {
        out.append('<').append(name).append(" soap-enc:arrayType=\"").append(itemType)
                .append('[').append(count).append("]\">");
        return this;
    }

    /** A leaf element with escaped text; an empty text is written as an empty element pair. */
    public SoapWriter leaf(String name, String text) {
        out.append('<').append(name).append('>');
        escape(text == null ? "" : text);
        out.append("</").append(name).append('>');
        return this;
    }

    public SoapWriter leaf(String name, long value) {
        out.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    public SoapWriter leaf(String name, boolean value) {
        // "true"/"false" rather than "1"/"0": the spelling the captured device is known to accept.
        return leaf(name, value ? "true" : "false");
    }

    /** A typed value: {@code <Value xsi:type="xsd:unsignedInt">300</Value>}. */
    public SoapWriter typedValue(String name, ParameterType type, String value) {
        out.append('<').append(name).append(" xsi:type=\"").append(type.xsdName()).append("\">");
        escape(value == null ? "" : value);
        out.append("</").append(name).append('>');
        return this;
    }

    /** A {@code xsd:string[n]} array of {@code <string>} items. */
    public SoapWriter stringArray(String name, Collection<String> items) {
        openArray(name, "xsd:string", items.size());
        for (String item : items) {
            leaf("string", item);
        }
        return close(name);
    }

    /** Escaped text at the current position. */
    public SoapWriter text(String text) {
        escape(text == null ? "" : text);
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> {
                    // XML 1.0 forbids most control characters even as references; dropping them keeps the
                    // envelope well-formed for the device.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
