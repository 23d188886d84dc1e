package io.cpeoperator.bridge.cwmp.soap;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import static io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException.Reason;

/**
 * Turns a body into an {@link XmlElement} tree under {@link SoapLimits}. DTDs are refused outright (the DOCTYPE
 * aborts the parse), so neither external entities (XXE) nor entity expansion (billion laughs) can happen; size,
 * depth, element count and text length are checked as the parse goes, not afterwards. UTF-8 and ASCII documents
 * (all real CPEs) go through {@link Utf8XmlParser}; other encodings through the JDK's StAX, configured the same
 * way.
 */
final class BoundedXmlParser {

    private final XMLInputFactory factory;
    private final SoapLimits limits;

    BoundedXmlParser(SoapLimits limits) {
        this.limits = limits;
        // The JDK's own implementation, whatever else (Woodstox) is on the class path: its behaviour is what the
        // hostile-input tests pin down.
        XMLInputFactory configured = XMLInputFactory.newDefaultFactory();
        configured.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        configured.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        configured.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        configured.setProperty(XMLInputFactory.IS_COALESCING, true);
        configured.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        configured.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        configured.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not resolved");
        });
        this.factory = configured;
    }

    XmlElement parse(byte[] body) throws CwmpDecodeException {
        if (body.length > limits.maxBodyBytes()) {
            throw new CwmpDecodeException(Reason.TOO_LARGE,
                    "body of " + body.length + " bytes exceeds " + limits.maxBodyBytes());
        }
        XmlElement fast = Utf8XmlParser.parse(body, limits);
        if (fast != null) {
            return fast;
        }
        return parseWithStax(body);
    }

    /** The JDK's StAX, for documents in encodings other than UTF-8 and ASCII. */
    XmlElement parseWithStax(byte[] body) throws CwmpDecodeException {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            return readTree(reader);
        } catch (XMLStreamException | RuntimeException e) {
            // RuntimeException: some StAX implementations report broken encodings and the like unchecked.
            throw new CwmpDecodeException(Reason.MALFORMED_XML, "not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            closeQuietly(reader);
        }
    }

    private XmlElement readTree(XMLStreamReader reader) throws XMLStreamException, CwmpDecodeException {
        Deque<XmlElement> open = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        XmlElement root = null;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new CwmpDecodeException(Reason.FORBIDDEN_DTD, "DTDs and entity declarations are refused");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > limits.maxElements()) {
                        throw new CwmpDecodeException(Reason.TOO_MANY_ELEMENTS,
                                "more than " + limits.maxElements() + " elements");
                    }
                    if (open.size() >= limits.maxDepth()) {
                        throw new CwmpDecodeException(Reason.TOO_DEEP, "nested deeper than " + limits.maxDepth());
                    }
                    XmlElement element = startElement(reader);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().addChild(element);
                    }
                    open.push(element);
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        if (text.length() + reader.getTextLength() > limits.maxTextLength()) {
                            throw new CwmpDecodeException(Reason.TEXT_TOO_LONG,
                                    "text longer than " + limits.maxTextLength() + " characters");
                        }
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement closed = open.pop();
                    if (!closed.hasChildren()) {
                        closed.setText(text.toString());
                    }
                    text.setLength(0);
                }
                default -> {
                    // comments, processing instructions, document start/end carry nothing for CWMP
                }
            }
        }
        if (root == null) {
            throw new CwmpDecodeException(Reason.MALFORMED_XML, "no root element");
        }
        return root;
    }

    private static XmlElement startElement(XMLStreamReader reader) {
        XmlElement element = new XmlElement(reader.getNamespaceURI(), reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.addAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return element;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return XmlElement.abbreviate(newline >= 0 ? message.substring(0, newline) : message);
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
