package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException.Reason;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpRpcCatalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes CWMP SOAP envelopes, for either side of a session. Thread-safe and allocation-light; one
 * instance serves all sessions.
 *
 * <p>Reading is tolerant where devices differ (any envelope prefix, cwmp 1-0 to 1-4, a method qualified or not,
 * missing header) and strict where safety is at stake (size, depth, element count, no DTD).
 */
public final class CwmpCodec {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final BoundedXmlParser parser;
    private final Map<String, MessageReader> readers;
    private final SoapLimits limits;

    public CwmpCodec(SoapLimits limits) {
        this(limits, CwmpRpcCatalog.standard());
    }

    public CwmpCodec(SoapLimits limits, Map<String, MessageReader> readers) {
        this.limits = limits;
        this.parser = new BoundedXmlParser(limits);
        this.readers = Map.copyOf(readers);
    }

    public SoapLimits limits() {
        return limits;
    }

    /** Decodes one envelope; every failure is a {@link CwmpDecodeException}, never a runtime exception. */
    public CwmpEnvelope decode(byte[] body) throws CwmpDecodeException {
        XmlElement envelope = parser.parse(body);
        if (!envelope.localName().equals("Envelope")) {
            throw new CwmpDecodeException(Reason.NOT_SOAP, "root element is " + envelope.localName());
        }
        XmlElement header = envelope.child("Header");
        XmlElement idElement = header == null ? null : header.child("ID");
        String id = idElement == null ? null : idElement.trimmedText();
        boolean hold = header != null && flag(header.child("HoldRequests"));
        boolean noMore = header != null && flag(header.child("NoMoreRequests"));
        XmlElement body0 = envelope.child("Body");
        if (body0 == null) {
            throw new CwmpDecodeException(Reason.NOT_SOAP, "envelope has no Body");
        }
        XmlElement method = body0.children().isEmpty() ? null : body0.children().get(0);
        CwmpVersion version = versionOf(method, idElement);
        if (method == null) {
            return new CwmpEnvelope(version, id, hold, noMore, null);
        }
        try {
            return new CwmpEnvelope(version, id, hold, noMore, readMethod(method));
        } catch (CwmpDecodeException e) {
            throw e.withEnvelope(id, version);
        }
    }

    private CwmpMessage readMethod(XmlElement method) throws CwmpDecodeException {
        boolean cwmpNamespace = CwmpVersion.fromNamespace(method.namespace()).isPresent();
        String name = method.localName();
        // A SOAP Fault lives in the envelope namespace; a cwmp:Fault directly in the body is read the same way.
        MessageReader reader = name.equals(CwmpFault.NAME) && !cwmpNamespace
                ? readers.get(CwmpFault.NAME) : readers.get(name);
        if (reader == null) {
            throw new CwmpDecodeException(Reason.UNKNOWN_METHOD, "unknown method " + XmlElement.abbreviate(name));
        }
        try {
            return reader.read(method);
        } catch (RuntimeException e) {
            // A record constructor rejecting a value: still the sender's fault, never ours to crash on.
            throw CwmpDecodeException.invalidArguments(name + ": " + e.getMessage());
        }
    }

    private static CwmpVersion versionOf(XmlElement method, XmlElement idElement) {
        if (method != null) {
            var fromMethod = CwmpVersion.fromNamespace(method.namespace());
            if (fromMethod.isPresent()) {
                return fromMethod.get();
            }
            for (XmlElement child : method.children()) {
                // a Fault's detail carries the cwmp namespace one level down
                if (child.localName().equals("detail") && !child.children().isEmpty()) {
                    var fromDetail = CwmpVersion.fromNamespace(child.children().get(0).namespace());
                    if (fromDetail.isPresent()) {
                        return fromDetail.get();
                    }
                }
            }
        }
        if (idElement != null) {
            return CwmpVersion.fromNamespace(idElement.namespace()).orElse(CwmpVersion.V1_0);
        }
        return CwmpVersion.V1_0;
    }

    private static boolean flag(XmlElement element) {
        if (element == null) {
            return false;
        }
        String text = element.trimmedText();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    /** Encodes an envelope as UTF-8 bytes, always with a Header (some devices crash without one). */
    public byte[] encode(CwmpEnvelope envelope) {
        StringBuilder out = new StringBuilder(512);
        out.append(XML_DECLARATION)
                .append("<soap-env:Envelope xmlns:soap-env=\"").append(SoapWriter.SOAP_ENV)
                .append("\" xmlns:soap-enc=\"").append(SoapWriter.SOAP_ENC)
                .append("\" xmlns:xsd=\"").append(SoapWriter.XSD)
                .append("\" xmlns:xsi=\"").append(SoapWriter.XSI)
                .append("\" xmlns:cwmp=\"").append(envelope.version().namespace()).append("\">")
                .append("<soap-env:Header>");
        SoapWriter writer = new SoapWriter(out);
        if (envelope.id() != null) {
            out.append("<cwmp:ID soap-env:mustUnderstand=\"1\">");
            writer.text(envelope.id());
            out.append("</cwmp:ID>");
        }
        if (envelope.holdRequests()) {
            out.append("<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">1</cwmp:HoldRequests>");
        }
        if (envelope.noMoreRequests()) {
            out.append("<cwmp:NoMoreRequests>1</cwmp:NoMoreRequests>");
        }
        out.append("</soap-env:Header><soap-env:Body>");
        if (envelope.message() != null) {
            envelope.message().writeTo(writer);
        }
        out.append("</soap-env:Body></soap-env:Envelope>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
