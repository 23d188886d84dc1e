package io.cpeoperator.bridge.cwmp.soap;

import java.nio.charset.StandardCharsets;

/**
 * Text and attribute values of {@link Utf8XmlParser}: UTF-8 bytes to characters, with the five predefined entities
 * and character references resolved, line ends normalised, and everything XML 1.0 forbids refused (control
 * characters, overlong or truncated UTF-8, surrogates, undeclared entities).
 */
final class XmlTextDecoder {

    private XmlTextDecoder() {
    }

    /** UTF-8 bytes to characters, resolving references, rejecting what XML 1.0 forbids. */
    static void decode(byte[] b, int from, int to, boolean resolveReferences, StringBuilder out)
            throws CwmpDecodeException {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c == '&' && resolveReferences) {
                    i = reference(b, i, to, out);
                    continue;
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw Utf8XmlParser.malformed("control character in text");
                }
                if (c == '\r') {
                    // XML line-end normalisation: CR LF and lone CR become LF
                    out.append('\n');
                    i += i + 1 < to && b[i + 1] == '\n' ? 2 : 1;
                    continue;
                }
                out.append((char) c);
                i++;
                continue;
            }
            int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            if (length == 0 || i + length > to) {
                throw Utf8XmlParser.malformed("invalid UTF-8");
            }
            int codePoint = c & (0x3F >> (length - 1));
            for (int k = 1; k < length; k++) {
                int continuation = b[i + k] & 0xff;
                if ((continuation & 0xC0) != 0x80) {
                    throw Utf8XmlParser.malformed("invalid UTF-8");
                }
                codePoint = (codePoint << 6) | (continuation & 0x3F);
            }
            if (!isXmlChar(codePoint) || codePoint < (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)) {
                throw Utf8XmlParser.malformed("invalid UTF-8");
            }
            out.appendCodePoint(codePoint);
            i += length;
        }
    }

    private static int reference(byte[] b, int at, int to, StringBuilder out) throws CwmpDecodeException {
        int semicolon = -1;
        for (int i = at + 1; i < to && i < at + 12; i++) {
            if (b[i] == ';') {
                semicolon = i;
                break;
            }
        }
        if (semicolon < 0) {
            throw Utf8XmlParser.malformed("'&' that starts no reference");
        }
        String name = new String(b, at + 1, semicolon - at - 1, StandardCharsets.ISO_8859_1);
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            case "apos" -> out.append('\'');
            default -> {
                if (!name.startsWith("#") || name.length() < 2) {
                    // no DTD, so no other entity can exist
                    throw Utf8XmlParser.malformed("undeclared entity &" + XmlElement.abbreviate(name) + ";");
                }
                int codePoint;
                try {
                    codePoint = name.charAt(1) == 'x'
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                } catch (NumberFormatException e) {
                    throw Utf8XmlParser.malformed("bad character reference");
                }
                if (!isXmlChar(codePoint)) {
                    throw Utf8XmlParser.malformed("character reference to a character XML forbids");
                }
                out.appendCodePoint(codePoint);
            }
        }
        return semicolon + 1;
    }

    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
