package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/**
 * A SOAP Fault carrying a CWMP fault: codes 8xxx from the ACS, 9xxx from the CPE, and for SetParameterValues the
 * per-parameter faults. Written as {@code soap-env:Fault} with the CWMP detail inside.
 *
 * @param soapFaultCode   {@code Client} (the request was wrong) or {@code Server} (the receiver failed)
 */
public record CwmpFault(String soapFaultCode, String soapFaultString, int faultCode, String faultString,
                        List<SetParameterValuesFault> setParameterValuesFaults) implements CwmpMessage {

    public static final String NAME = "Fault";

    public static final int ACS_METHOD_NOT_SUPPORTED = 8000;
    public static final int ACS_REQUEST_DENIED = 8001;
    public static final int ACS_INTERNAL_ERROR = 8002;
    public static final int ACS_INVALID_ARGUMENTS = 8003;
    public static final int ACS_RESOURCES_EXCEEDED = 8004;
    public static final int ACS_RETRY_REQUEST = 8005;
    public static final int CPE_METHOD_NOT_SUPPORTED = 9000;
    public static final int CPE_REQUEST_DENIED = 9001;
    public static final int CPE_INTERNAL_ERROR = 9002;
    public static final int CPE_INVALID_ARGUMENTS = 9003;
    public static final int CPE_RESOURCES_EXCEEDED = 9004;
    public static final int CPE_INVALID_PARAMETER_NAME = 9005;
    public static final int CPE_INVALID_PARAMETER_TYPE = 9006;
    public static final int CPE_INVALID_PARAMETER_VALUE = 9007;
    public static final int CPE_NON_WRITABLE_PARAMETER = 9008;

    public CwmpFault {
        soapFaultCode = soapFaultCode == null || soapFaultCode.isEmpty() ? soapCodeFor(faultCode) : soapFaultCode;
        soapFaultString = soapFaultString == null || soapFaultString.isEmpty() ? "CWMP fault" : soapFaultString;
        faultString = Text.orEmpty(faultString);
        setParameterValuesFaults = List.copyOf(setParameterValuesFaults);
    }

    /** A fault with the SOAP fault code TR-069 prescribes for {@code code}. */
    public static CwmpFault of(int code, String faultString) {
        return new CwmpFault(soapCodeFor(code), "CWMP fault", code, faultString, List.of());
    }

    /** TR-069 tables of fault codes: argument problems are the client's, everything else the server's. */
    static String soapCodeFor(int code) {
        return switch (code) {
            case ACS_INVALID_ARGUMENTS, CPE_INVALID_ARGUMENTS, CPE_INVALID_PARAMETER_NAME,
                 CPE_INVALID_PARAMETER_TYPE, CPE_INVALID_PARAMETER_VALUE, CPE_NON_WRITABLE_PARAMETER -> "Client";
            default -> "Server";
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    static CwmpFault read(XmlElement fault) throws CwmpDecodeException {
        XmlElement detail = fault.child("detail");
        XmlElement cwmpFault = detail == null ? null : detail.child("Fault");
        if (cwmpFault == null) {
            throw CwmpDecodeException.invalidArguments("SOAP Fault without a CWMP fault in its detail");
        }
        return new CwmpFault(fault.childText("faultcode", ""), fault.childText("faultstring", ""),
                cwmpFault.requiredInt("FaultCode"), cwmpFault.childText("FaultString", ""),
                readParameterFaults(cwmpFault));
    }

    private static List<SetParameterValuesFault> readParameterFaults(XmlElement cwmpFault)
            throws CwmpDecodeException {
        List<XmlElement> elements = cwmpFault.children("SetParameterValuesFault");
        SetParameterValuesFault[] faults = new SetParameterValuesFault[elements.size()];
        for (int i = 0; i < faults.length; i++) {
            faults[i] = SetParameterValuesFault.read(elements.get(i));
        }
        return List.of(faults);
    }

    @Override
    public void writeTo(SoapWriter out) {
        out.open("soap-env:Fault");
        writeArguments(out);
        out.close("soap-env:Fault");
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("faultcode", soapFaultCode).leaf("faultstring", soapFaultString)
                .open("detail").open("cwmp:Fault")
                .leaf("FaultCode", faultCode).leaf("FaultString", faultString);
        setParameterValuesFaults.forEach(fault -> fault.write(out));
        out.close("cwmp:Fault").close("detail");
    }
}
