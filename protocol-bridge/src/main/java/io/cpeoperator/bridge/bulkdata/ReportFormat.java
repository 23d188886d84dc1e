package io.cpeoperator.bridge.bulkdata;

import java.util.Optional;

/** The TR-181 report formats ({@code JSONEncoding.ReportFormat}, {@code CSVEncoding.ReportFormat}). */
public enum ReportFormat {
    NAME_VALUE_PAIR("NameValuePair", true),
    OBJECT_HIERARCHY("ObjectHierarchy", true),
    PARAMETER_PER_ROW("ParameterPerRow", false),
    PARAMETER_PER_COLUMN("ParameterPerColumn", false);

    private final String token;
    private final boolean json;

    ReportFormat(String token, boolean json) {
        this.token = token;
        this.json = json;
    }

    /** The name in the data model and in the {@code BBF-Report-Format} header. */
    public String token() {
        return token;
    }

    public boolean isJson() {
        return json;
    }

    /** Parses a {@code BBF-Report-Format} value; devices send it quoted or bare, some in other letter cases. */
    public static Optional<ReportFormat> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String token = value.trim();
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            token = token.substring(1, token.length() - 1).trim();
        }
        for (ReportFormat format : values()) {
            if (format.token.equalsIgnoreCase(token)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
