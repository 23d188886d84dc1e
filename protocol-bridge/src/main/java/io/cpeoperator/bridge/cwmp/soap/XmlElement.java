package io.cpeoperator.bridge.cwmp.soap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One element of a parsed, size-bounded envelope. Children of CWMP methods are matched by local name only: the
 * standard leaves them unqualified, but devices in the field qualify them with every prefix imaginable.
 *
 * <p>The accessors that start with {@code required} throw {@link CwmpDecodeException} with reason
 * {@link CwmpDecodeException.Reason#INVALID_ARGUMENTS}, so a message reader never lets a runtime exception escape.
 */
public final class XmlElement {

    private final String namespace;
    private final String localName;
    /** Name/value pairs; elements have zero to three attributes, for which a map costs more than a scan. */
    private String[] attributes = NO_ATTRIBUTES;
    private static final String[] NO_ATTRIBUTES = new String[0];
    private List<XmlElement> children = List.of();
    private String text = "";

    XmlElement(String namespace, String localName) {
        this.namespace = namespace == null ? "" : namespace;
        this.localName = localName;
    }

    void addAttribute(String name, String value) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(name)) {
                attributes[i + 1] = value;
                return;
            }
        }
        String[] grown = java.util.Arrays.copyOf(attributes, attributes.length + 2);
        grown[attributes.length] = name;
        grown[attributes.length + 1] = value;
        attributes = grown;
    }

    void addChild(XmlElement child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    void setText(String value) {
        text = value;
    }

    public String namespace() {
        return namespace;
    }

    public String localName() {
        return localName;
    }

    /** An attribute by its local name (the prefix of {@code xsi:type} etc. is ignored), or null. */
    public String attribute(String name) {
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i].equals(name)) {
                return attributes[i + 1];
            }
        }
        return null;
    }

    /** The element's own text (empty for elements that only have children), not trimmed. */
    public String text() {
        return text;
    }

    public String trimmedText() {
        return text.trim();
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }

    public List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child with this local name, or null. */
    public XmlElement child(String name) {
        for (XmlElement child : children) {
            if (child.localName.equals(name)) {
                return child;
            }
        }
        return null;
    }

    public List<XmlElement> children(String name) {
        List<XmlElement> matching = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.localName.equals(name)) {
                matching.add(child);
            }
        }
        return matching;
    }

    public XmlElement requiredChild(String name) throws CwmpDecodeException {
        XmlElement child = child(name);
        if (child == null) {
            throw invalid(localName + " lacks " + name);
        }
        return child;
    }

    /** Trimmed text of a child; {@code fallback} when the child is absent. */
    public String childText(String name, String fallback) {
        XmlElement child = child(name);
        return child == null ? fallback : child.trimmedText();
    }

    /** Untrimmed text of a child (parameter values keep their whitespace); {@code fallback} when absent. */
    public String childRawText(String name, String fallback) {
        XmlElement child = child(name);
        return child == null ? fallback : child.text();
    }

    public String requiredText(String name) throws CwmpDecodeException {
        return requiredChild(name).trimmedText();
    }

    public int requiredInt(String name) throws CwmpDecodeException {
        return parseInt(name, requiredText(name));
    }

    public int intOr(String name, int fallback) throws CwmpDecodeException {
        XmlElement child = child(name);
        return child == null || child.trimmedText().isEmpty() ? fallback : parseInt(name, child.trimmedText());
    }

    public long longOr(String name, long fallback) throws CwmpDecodeException {
        XmlElement child = child(name);
        if (child == null || child.trimmedText().isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(child.trimmedText());
        } catch (NumberFormatException e) {
            throw invalid(name + " is not an integer");
        }
    }

    public boolean requiredBoolean(String name) throws CwmpDecodeException {
        return parseBoolean(name, requiredText(name));
    }

    public boolean booleanOr(String name, boolean fallback) throws CwmpDecodeException {
        XmlElement child = child(name);
        return child == null || child.trimmedText().isEmpty() ? fallback : parseBoolean(name, child.trimmedText());
    }

    /** Texts of all element children (the {@code <string>} items of a string array). */
    public List<String> itemTexts() {
        List<String> items = new ArrayList<>(children.size());
        for (XmlElement child : children) {
            items.add(child.trimmedText());
        }
        return items;
    }

    private static int parseInt(String name, String value) throws CwmpDecodeException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name + " is not an int: '" + abbreviate(value) + "'");
        }
    }

    private static boolean parseBoolean(String name, String value) throws CwmpDecodeException {
        return switch (value) {
            case "1", "true", "TRUE", "True" -> true;
            case "0", "false", "FALSE", "False" -> false;
            default -> throw invalid(name + " is not a boolean: '" + abbreviate(value) + "'");
        };
    }

    static CwmpDecodeException invalid(String message) {
        return CwmpDecodeException.invalidArguments(message);
    }

    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
