package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the message records. */
final class Text {

    /** The dateTime TR-069 uses for "unknown" (e.g. DownloadResponse of a transfer that has not started). */
    static final String UNKNOWN_TIME = "0001-01-01T00:00:00Z";

    private Text() {
    }

    /** A dateTime as sent, or the unknown time when the sender left it empty. */
    static String timeOrUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN_TIME : value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Reads every child of an optional array element with {@code reader}; an absent array is empty. */
    static <T> List<T> readArray(XmlElement parent, String arrayName, ItemReader<T> reader) throws CwmpDecodeException {
        XmlElement array = parent.child(arrayName);
        if (array == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(array.children().size());
        for (XmlElement item : array.children()) {
            items.add(reader.read(item));
        }
        return items;
    }

    static List<String> readStrings(XmlElement parent, String arrayName) {
        XmlElement array = parent.child(arrayName);
        return array == null ? List.of() : array.itemTexts();
    }

    @FunctionalInterface
    interface ItemReader<T> {
        T read(XmlElement item) throws CwmpDecodeException;
    }
}
