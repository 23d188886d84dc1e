package io.cpeoperator.api.v1alpha1;

/** Regular expressions and CEL rules shared by the schema annotations (and by the operator's own validation). */
public final class ApiPatterns {

    /**
     * A full parameter path under the TR-181 {@code Device.} or TR-098 {@code InternetGatewayDevice.} root, without
     * wildcards and not ending in '.', e.g. {@code Device.WiFi.SSID.1.SSID}.
     */
    public static final String PARAMETER_PATH =
            "^(Device|InternetGatewayDevice)(\\.[A-Za-z0-9_-]+)+$";

    /** A subtree (partial path ending in '.') or a parameter, '*' allowed for instance numbers. */
    public static final String PATH_PATTERN =
            "^(Device|InternetGatewayDevice)\\.(([A-Za-z0-9_-]+|\\*)\\.)*([A-Za-z0-9_-]+)?$";

    /** RFC 3339 timestamp as Kubernetes writes them, e.g. 2026-11-25T10:00:00Z. */
    public static final String RFC3339 =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

    /** Where a device may download firmware from. */
    public static final String FIRMWARE_URL = "^(https?|ftp)://[^\\s]+$";

    /** An optional checksum with its algorithm. */
    public static final String CHECKSUM = "^(md5|sha1|sha256|sha512):[0-9a-fA-F]{32,128}$";

    /**
     * ISO-8601 duration as java.time.Duration parses it: days and/or a time part, e.g. PT5M, PT1H30M, PT0.5S, P1D,
     * P1DT2H. A 'T' needs at least one of hours, minutes or seconds after it, so P, PT and P1DT are refused. The API
     * server compiles patterns with RE2, which has no lookahead: the time part lists its three possible first units
     * as alternatives instead.
     */
    public static final String DURATION = "^P("
            + "T([0-9]+H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|[0-9]+M([0-9]+(\\.[0-9]+)?S)?|[0-9]+(\\.[0-9]+)?S)"
            + "|[0-9]+D(T([0-9]+H([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|[0-9]+M([0-9]+(\\.[0-9]+)?S)?|[0-9]+(\\.[0-9]+)?S))?"
            + ")$";

    /**
     * CEL: every key of spec.parameters is a {@link #PARAMETER_PATH} (the same expression, with the backslashes
     * doubled for the CEL string literal; a test keeps the two equal).
     */
    public static final String PARAMETER_KEYS_RULE =
            "self.all(k, k.matches('^(Device|InternetGatewayDevice)(\\\\.[A-Za-z0-9_-]+)+$'))";

    private ApiPatterns() {
    }
}
