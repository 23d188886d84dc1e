package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strict, bounded XML parser for what CWMP envelopes are made of: UTF-8 (or ASCII) documents with elements,
 * attributes, namespaces, text, CDATA, comments, processing instructions, the five predefined entities and
 * character references. Anything with a DOCTYPE is refused before a byte of it is read, so no entity can ever be
 * declared, expanded or fetched. It works on the body bytes directly and is several times faster than the JDK's
 * StAX, which matters at thousands of sessions per second; documents in other encodings return null and go to the
 * JDK parser.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class Utf8XmlParser {

    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private final SoapLimits limits;
    private final byte[] b;
    private int pos;
    private final List<XmlElement> open = new ArrayList<>();
    private final List<String> openNames = new ArrayList<>();
    private final List<Integer> scopeMarks = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> uris = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<String> attributeNames = new ArrayList<>();
    private final List<String> attributeValues = new ArrayList<>();
    private XmlElement root;
    private int elements;

    private Utf8XmlParser(byte[] body, SoapLimits limits) {
        this.b = body;
        this.limits = limits;
    }

    /** The document's tree, or null when it is not in UTF-8/ASCII (the caller falls back to the JDK parser). */
    static XmlElement parse(byte[] body, SoapLimits limits) throws CwmpDecodeException {
        Utf8XmlParser parser = new Utf8XmlParser(body, limits);
        try {
            return parser.document();
        } catch (ArrayIndexOutOfBoundsException e) {
            // every read is bounds-checked by the JVM: running off the end is a truncated document
            throw malformed("unexpected end of document");
        }
    }

    private XmlElement document() throws CwmpDecodeException {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = 3;
        } else if (b.length >= 2 && (b[0] == 0 || b[1] == 0 || (b[0] & 0xff) >= 0xFE)) {
            return null; // UTF-16 or UTF-32
        }
        if (startsWith("<?xml") && pos + 5 < b.length && isSpace(b[pos + 5]) && !declarationIsUtf8()) {
            return null;
        }
        while (pos < b.length) {
            if (b[pos] == '<') {
                markup();
            } else {
                content();
            }
        }
        if (root == null || !open.isEmpty()) {
            throw malformed(root == null ? "no root element" : "unclosed element " + openNames.get(openNames.size() - 1));
        }
        return root;
    }

    private boolean declarationIsUtf8() throws CwmpDecodeException {
        int end = indexOf("?>", pos);
        String declaration = new String(b, pos, end - pos, StandardCharsets.ISO_8859_1);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return true;
        }
        int quote = at + 8;
        while (quote < declaration.length() && declaration.charAt(quote) != '"' && declaration.charAt(quote) != '\'') {
            quote++;
        }
        int close = quote + 1 < declaration.length() ? declaration.indexOf(declaration.charAt(quote), quote + 1) : -1;
        if (close < 0) {
            throw malformed("broken XML declaration");
        }
        String encoding = declaration.substring(quote + 1, close).trim().toUpperCase(Locale.ROOT);
        return encoding.equals("UTF-8") || encoding.equals("UTF8") || encoding.equals("US-ASCII")
                || encoding.equals("ASCII");
    }

    private void markup() throws CwmpDecodeException {
        byte next = b[pos + 1];
        if (next == '?') {
            pos = indexOf("?>", pos + 2) + 2;
        } else if (next == '!') {
            if (startsWith("<!--")) {
                pos = indexOf("-->", pos + 4) + 3;
            } else if (startsWith("<![CDATA[")) {
                int end = indexOf("]]>", pos + 9);
                if (open.isEmpty()) {
                    throw malformed("CDATA outside the root element");
                }
                appendText(pos + 9, end, false);
                pos = end + 3;
            } else if (startsWith("<!DOCTYPE")) {
                throw new CwmpDecodeException(Reason.FORBIDDEN_DTD, "DTDs and entity declarations are refused");
            } else {
                throw malformed("unknown markup declaration");
            }
        } else if (next == '/') {
            endTag();
        } else {
            startTag();
        }
    }

    private void startTag() throws CwmpDecodeException {
        if (root != null && open.isEmpty()) {
            throw malformed("content after the root element");
        }
        pos++;
        String qname = name();
        attributeNames.clear();
        attributeValues.clear();
        boolean selfClosing = false;
        while (true) {
            boolean spaced = skipSpaces();
            byte c = b[pos];
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/') {
                if (b[pos + 1] != '>') {
                    throw malformed("'/' not followed by '>'");
                }
                pos += 2;
                selfClosing = true;
                break;
            }
            if (!spaced) {
                throw malformed("attributes must be separated by white space");
            }
            attributeNames.add(name());
            skipSpaces();
            if (b[pos++] != '=') {
                throw malformed("attribute without '='");
            }
            skipSpaces();
            attributeValues.add(attributeValue());
        }
        if (++elements > limits.maxElements()) {
            throw new CwmpDecodeException(Reason.TOO_MANY_ELEMENTS, "more than " + limits.maxElements() + " elements");
        }
        if (open.size() >= limits.maxDepth()) {
            throw new CwmpDecodeException(Reason.TOO_DEEP, "nested deeper than " + limits.maxDepth());
        }
        scopeMarks.add(prefixes.size());
        for (int i = 0; i < attributeNames.size(); i++) {
            String name = attributeNames.get(i);
            if (name.equals("xmlns")) {
                prefixes.add("");
                uris.add(attributeValues.get(i));
            } else if (name.startsWith("xmlns:")) {
                prefixes.add(name.substring(6));
                uris.add(attributeValues.get(i));
            }
        }
        XmlElement element = new XmlElement(namespaceOf(qname), localName(qname));
        for (int i = 0; i < attributeNames.size(); i++) {
            String name = attributeNames.get(i);
            if (!name.equals("xmlns") && !name.startsWith("xmlns:")) {
                element.addAttribute(localName(name), attributeValues.get(i));
            }
        }
        if (open.isEmpty()) {
            root = element;
        } else {
            open.get(open.size() - 1).addChild(element);
        }
        text.setLength(0);
        if (selfClosing) {
            truncateScope();
        } else {
            open.add(element);
            openNames.add(qname);
        }
    }

    private void endTag() throws CwmpDecodeException {
        pos += 2;
        String qname = name();
        skipSpaces();
        if (b[pos++] != '>') {
            throw malformed("end tag not closed");
        }
        if (open.isEmpty() || !openNames.get(openNames.size() - 1).equals(qname)) {
            throw malformed("end tag " + XmlElement.abbreviate(qname) + " does not match");
        }
        XmlElement closed = open.remove(open.size() - 1);
        openNames.remove(openNames.size() - 1);
        if (!closed.hasChildren()) {
            closed.setText(text.toString());
        }
        text.setLength(0);
        truncateScope();
    }

    private void truncateScope() {
        int mark = scopeMarks.remove(scopeMarks.size() - 1);
        while (prefixes.size() > mark) {
            prefixes.remove(prefixes.size() - 1);
            uris.remove(uris.size() - 1);
        }
    }

    private void content() throws CwmpDecodeException {
        int start = pos;
        while (pos < b.length && b[pos] != '<') {
            pos++;
        }
        if (open.isEmpty()) {
            for (int i = start; i < pos; i++) {
                if (!isSpace(b[i])) {
                    throw malformed("text outside the root element");
                }
            }
            return;
        }
        appendText(start, pos, true);
    }

    private String attributeValue() throws CwmpDecodeException {
        byte quote = b[pos++];
        if (quote != '"' && quote != '\'') {
            throw malformed("attribute value not quoted");
        }
        int start = pos;
        while (b[pos] != quote) {
            if (b[pos] == '<') {
                throw malformed("'<' in an attribute value");
            }
            pos++;
        }
        int end = pos++;
        StringBuilder value = new StringBuilder(end - start);
        XmlTextDecoder.decode(b, start, end, true, value);
        return value.toString();
    }

    private void appendText(int from, int to, boolean resolveReferences) throws CwmpDecodeException {
        if (text.length() + (to - from) > limits.maxTextLength()) {
            throw new CwmpDecodeException(Reason.TEXT_TOO_LONG, "text longer than " + limits.maxTextLength()
                    + " characters");
        }
        XmlTextDecoder.decode(b, from, to, resolveReferences, text);
    }

    private String name() throws CwmpDecodeException {
        int start = pos;
        int hash = 0;
        boolean ascii = true;
        while (pos < b.length) {
            byte c = b[pos];
            if (isSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'') {
                break;
            }
            hash = 31 * hash + c;
            ascii &= c >= 0;
            pos++;
        }
        if (pos == start || Character.isDigit(b[start]) || b[start] == '-' || b[start] == '.') {
            throw malformed("missing or invalid name");
        }
        if (pos >= b.length) {
            throw malformed("unexpected end of document");
        }
        return ascii ? NameCache.name(b, start, pos - start, hash) : new String(b, start, pos - start,
                StandardCharsets.UTF_8);
    }

    private String namespaceOf(String qname) throws CwmpDecodeException {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            if (prefixes.get(i).equals(prefix)) {
                return uris.get(i);
            }
        }
        if (prefix.isEmpty()) {
            return "";
        }
        if (prefix.equals("xml")) {
            return XML_NAMESPACE;
        }
        throw malformed("unbound namespace prefix " + XmlElement.abbreviate(prefix));
    }

    private static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    private boolean skipSpaces() {
        int start = pos;
        while (pos < b.length && isSpace(b[pos])) {
            pos++;
        }
        return pos > start;
    }

    private boolean startsWith(String literal) {
        if (pos + literal.length() > b.length) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (b[pos + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String literal, int from) throws CwmpDecodeException {
        outer:
        for (int i = from; i <= b.length - literal.length(); i++) {
            for (int k = 0; k < literal.length(); k++) {
                if (b[i + k] != literal.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        throw malformed("unterminated " + literal);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }


    static CwmpDecodeException malformed(String message) {
        return new CwmpDecodeException(Reason.MALFORMED_XML, "not well-formed XML: " + message);
    }
}
