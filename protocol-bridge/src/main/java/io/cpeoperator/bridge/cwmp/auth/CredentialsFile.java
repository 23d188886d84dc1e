package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPE credentials file: one credential per line,
 *
 * <pre>
 * # a shared fleet credential: any device may use it
 * fleet-2026:s3cret
 * # a credential only device 00D09E-IGD-000042 may use
 * 00D09E-000042:an0ther:00D09E-IGD-000042
 * </pre>
 *
 * i.e. {@code username:password} or {@code username:password:<device key>}, the device key being the CWMP identity
 * {@code OUI-ProductClass-SerialNumber} ({@code OUI-SerialNumber} without a product class). Neither username nor
 * password may contain {@code :}; the device key is everything after the second {@code :}. Blank lines and lines
 * starting with {@code #} are ignored, as is whitespace around a line. Every username appears once.
 *
 * <p>Errors name the line and what to fix, never the password.
 */
public final class CredentialsFile {

    private CredentialsFile() {
    }

    /** A line that cannot be used. */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message);
        }
    }

    /**
     * @param source what to call the file in messages (its path)
     * @return username → credentials
     */
    public static Map<String, Credentials> parse(Reader text, String source) throws IOException, FormatException {
        Map<String, Credentials> byUsername = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        BufferedReader lines = text instanceof BufferedReader buffered ? buffered : new BufferedReader(text);
        int number = 0;
        for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Credentials credentials = parseLine(line, source, number);
            Integer earlier = lineOf.putIfAbsent(credentials.username(), number);
            if (earlier != null) {
                throw new FormatException(where(source, number) + "username '" + credentials.username()
                        + "' was already given on line " + earlier + "; every username may appear once");
            }
            byUsername.put(credentials.username(), credentials);
        }
        return byUsername;
    }

    private static Credentials parseLine(String line, String source, int number) throws FormatException {
        int first = line.indexOf(':');
        if (first < 0) {
            throw new FormatException(where(source, number) + "expected username:password or "
                    + "username:password:<OUI-ProductClass-Serial>, found no ':'");
        }
        int second = line.indexOf(':', first + 1);
        String username = line.substring(0, first);
        String password = second < 0 ? line.substring(first + 1) : line.substring(first + 1, second);
        if (username.isEmpty()) {
            throw new FormatException(where(source, number) + "the username (before the first ':') is empty");
        }
        if (password.isEmpty()) {
            throw new FormatException(where(source, number) + "the password of '" + username + "' (between the "
                    + "first and second ':') is empty");
        }
        if (second < 0) {
            return new Credentials(username, password);
        }
        return new Credentials(username, password, deviceKey(line.substring(second + 1), username, source, number));
    }

    private static DeviceId deviceKey(String key, String username, String source, int number)
            throws FormatException {
        // an OUI, then at least a serial number: a password with a ':' in it lands here and must not pass silently
        int dash = key.indexOf('-');
        if (dash <= 0 || dash == key.length() - 1) {
            throw new FormatException(where(source, number) + "the device of '" + username + "' (after the second "
                    + "':') must be OUI-ProductClass-Serial or OUI-Serial, e.g. 00D09E-IGD-000042; passwords in "
                    + "this file cannot contain ':'");
        }
        try {
            return new DeviceId(Protocol.CWMP, key);
        } catch (IllegalArgumentException e) {
            throw new FormatException(where(source, number) + "the device of '" + username + "': " + e.getMessage());
        }
    }

    private static String where(String source, int number) {
        return source + " line " + number + ": ";
    }
}
