package io.cpeoperator.bridge.cwmp.soap;

/**
 * The one message in the body of a CWMP envelope: a request, a response, or a Fault. Each implementation reads
 * itself from an {@link XmlElement} (a static {@code read} method registered in {@link io.cpeoperator.bridge.cwmp.soap.rpc.CwmpRpcCatalog}) and writes
 * itself with a {@link SoapWriter}, so the same codec serves the ACS and a simulated CPE.
 */
public interface CwmpMessage {

    /** The method element's local name, e.g. {@code Inform}, {@code GetParameterValuesResponse}, {@code Fault}. */
    String name();

    /** Writes the method's arguments (the children of the method element). */
    void writeArguments(SoapWriter out);

    /** Writes the whole body child: {@code <cwmp:Name>arguments</cwmp:Name>}. */
    default void writeTo(SoapWriter out) {
        out.openMethod(name());
        writeArguments(out);
        out.closeMethod(name());
    }
}
