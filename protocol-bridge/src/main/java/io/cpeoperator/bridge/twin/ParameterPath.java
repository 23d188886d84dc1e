package io.cpeoperator.bridge.twin;

import java.util.Optional;

/**
 * Syntax rules for TR-181 ({@code Device.}) and TR-098 ({@code InternetGatewayDevice.}) parameter paths. Used on
 * everything that enters the twin from a device, and by the operator on user input (read API queries, desired
 * parameters), so both reject the same things with the same messages.
 *
 * <p>A path is dot-separated segments under one of the two roots. A segment is a name ({@code [A-Za-z_][A-Za-z0-9_-]*},
 * vendor extensions such as {@code X_ACME-COM_Mode} included) or an instance number (decimal, no leading zeros).
 * A path ending in '.' names an object (a subtree); {@code *} stands for any instance number in read patterns.
 * USP search expressions ({@code [Enable==true]}) and aliases are not supported here.
 */
public final class ParameterPath {

    /** TR-069 limits parameter names to 256 characters (the ParameterName type is string(256)). */
    public static final int MAX_LENGTH = 256;
    /** Deeper than any standard data model; a bound against hostile input. */
    public static final int MAX_DEPTH = 32;
    public static final String TR181_ROOT = "Device.";
    public static final String TR098_ROOT = "InternetGatewayDevice.";

    /** Which kinds of path a caller accepts. */
    public enum Usage {
        /** A full parameter path: no trailing '.', no wildcard. */
        PARAMETER,
        /** An object instance path ending in '.<number>.', no wildcard (object created / deleted). */
        INSTANCE,
        /** A parameter path or a partial path ending in '.', both with optional {@code *} instance segments. */
        PATTERN
    }

    private ParameterPath() {
    }

    /** True when {@code path} is acceptable for {@code usage}. */
    public static boolean isValid(String path, Usage usage) {
        return problem(path, usage).isEmpty();
    }

    /** Throws {@link IllegalArgumentException} with the message of {@link #problem} when the path is unacceptable. */
    public static String requireValid(String path, Usage usage) {
        Optional<String> problem = problem(path, usage);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return path;
    }

    /**
     * What is wrong with {@code path} for {@code usage}, as a message that says what to fix; empty when it is fine.
     */
    public static Optional<String> problem(String path, Usage usage) {
        if (path == null || path.isEmpty()) {
            return Optional.of("the path is empty; give a path such as 'Device.WiFi.' or 'Device.DeviceInfo.UpTime'");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("the path is " + path.length() + " characters long; at most " + MAX_LENGTH
                    + " are allowed");
        }
        if (!path.startsWith(TR181_ROOT) && !path.startsWith(TR098_ROOT)) {
            return Optional.of("'" + printable(path) + "' must start with 'Device.' (TR-181) or "
                    + "'InternetGatewayDevice.' (TR-098)");
        }
        String segmentProblem = segmentProblem(path, usage);
        if (segmentProblem != null) {
            return Optional.of(segmentProblem);
        }
        boolean partial = path.charAt(path.length() - 1) == '.';
        return switch (usage) {
            case PARAMETER -> partial
                    ? Optional.of("'" + path + "' is an object path (it ends with '.'); give a parameter path, "
                    + "e.g. '" + path + "Enable'")
                    : Optional.empty();
            case INSTANCE -> partial && isInstanceNumber(lastSegment(path))
                    ? Optional.empty()
                    : Optional.of("'" + path + "' is not an object instance path; it must end with "
                    + "'.<instance number>.', e.g. 'Device.Hosts.Host.7.'");
            case PATTERN -> Optional.empty();
        };
    }

    /** True for a partial path (a subtree), which ends in '.'. */
    public static boolean isPartial(String path) {
        return !path.isEmpty() && path.charAt(path.length() - 1) == '.';
    }

    private static String segmentProblem(String path, Usage usage) {
        int depth = 0;
        int start = 0;
        int length = path.length();
        while (start < length) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? length : dot;
            depth++;
            if (depth > MAX_DEPTH) {
                return "the path has more than " + MAX_DEPTH + " segments";
            }
            if (end == start) {
                return "empty segment at character " + (start + 1) + " of '" + printable(path)
                        + "' (two dots in a row)";
            }
            String problem = checkSegment(path, start, end, usage, depth);
            if (problem != null) {
                return problem;
            }
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return null;
    }

    private static String checkSegment(String path, int start, int end, Usage usage, int depth) {
        char first = path.charAt(start);
        if (first == '*' && end == start + 1) {
            if (usage != Usage.PATTERN) {
                return "wildcard '*' in '" + printable(path) + "' is only allowed in read patterns, not here";
            }
            return depth == 1 ? "the root cannot be a wildcard" : null;
        }
        if (first >= '0' && first <= '9') {
            if (depth == 1) {
                return "the root cannot be an instance number";
            }
            if (end - start > 10) {
                return "instance number at character " + (start + 1) + " of '" + printable(path) + "' is too large";
            }
            for (int i = start; i < end; i++) {
                char c = path.charAt(i);
                if (c < '0' || c > '9') {
                    return badCharacter(path, i);
                }
            }
            if (first == '0' && end - start > 1) {
                return "instance number at character " + (start + 1) + " of '" + printable(path)
                        + "' has a leading zero";
            }
            return Long.parseLong(path, start, end, 10) > 0xFFFF_FFFFL
                    ? "instance number at character " + (start + 1) + " of '" + printable(path) + "' is too large"
                    : null;
        }
        if (!isNameStart(first)) {
            return badCharacter(path, start);
        }
        for (int i = start + 1; i < end; i++) {
            if (!isNamePart(path.charAt(i))) {
                return badCharacter(path, i);
            }
        }
        return null;
    }

    private static String badCharacter(String path, int index) {
        char c = path.charAt(index);
        String shown = c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        String hint = c == '[' || c == '{' || c == '#'
                ? "; search expressions, aliases and '{i}' placeholders are not supported, use '*' or a number"
                : "; names use letters, digits, '_' and '-', instance numbers are decimal";
        return "'" + shown + "' at character " + (index + 1) + " of '" + printable(path) + "' is not allowed" + hint;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isInstanceNumber(String segment) {
        if (segment.isEmpty() || segment.length() > 10) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The last segment of a path, ignoring a trailing '.'. */
    static String lastSegment(String path) {
        int end = isPartial(path) ? path.length() - 1 : path.length();
        int dot = path.lastIndexOf('.', end - 1);
        return path.substring(dot + 1, end);
    }

    /** Cuts user-supplied text short and hides control characters, so messages stay readable and safe to log. */
    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
