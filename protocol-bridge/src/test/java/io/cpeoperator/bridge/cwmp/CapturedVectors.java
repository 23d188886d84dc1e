package io.cpeoperator.bridge.cwmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The genieacs-sim captures copied into test resources ({@code vectors/cwmp/} for TR-098, {@code vectors/cwmp/tr181/}
 * for TR-181), read through the class path so tests never touch the shared folder.
 */
public final class CapturedVectors {

    public static final String TR098 = "vectors/cwmp/";
    public static final String TR181 = "vectors/cwmp/tr181/";

    private CapturedVectors() {
    }

    /** One HTTP message of a capture, in capture order. */
    public record Message(String folder, String file, String direction, String rpc, String cwmpId,
                          String faultCode) {
        public boolean fromCpe() {
            return direction.startsWith("CPE->ACS");
        }

        public String baseName() {
            return file.substring(0, file.length() - ".http".length());
        }
    }

    public static List<Message> manifest(String folder) {
        try {
            JsonNode root = new ObjectMapper().readTree(bytes(folder + "manifest.json"));
            List<Message> messages = new ArrayList<>();
            for (JsonNode entry : root) {
                String http = null;
                for (JsonNode file : entry.get("files")) {
                    if (file.asText().endsWith(".http")) {
                        http = file.asText();
                    }
                }
                messages.add(new Message(folder, http, entry.path("direction").asText(), entry.path("rpc").asText(),
                        entry.path("cwmp_id").asText(null), entry.path("fault_code").asText(null)));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = CapturedVectors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP message split into start line, headers (names as sent) and body bytes. */
    public record HttpMessage(String startLine, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    public static HttpMessage http(String resource) {
        byte[] raw = bytes(resource);
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + 4, raw.length);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        return new HttpMessage(lines[0], headers, body);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
