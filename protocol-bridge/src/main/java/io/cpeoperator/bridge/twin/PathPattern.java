package io.cpeoperator.bridge.twin;

/**
 * A validated read pattern: a parameter path, or a partial path ending in '.' (everything below it), either with
 * {@code *} segments that match any instance number. Matching allocates nothing, so it can run over every parameter
 * of a twin.
 */
public final class PathPattern {

    private final String text;
    private final boolean partial;
    private final boolean wildcard;

    private PathPattern(String text) {
        this.text = text;
        this.partial = ParameterPath.isPartial(text);
        this.wildcard = text.contains("*");
    }

    /** Compiles a pattern; throws {@link IllegalArgumentException} saying what to fix when it is not valid. */
    public static PathPattern compile(String text) {
        return new PathPattern(ParameterPath.requireValid(text, ParameterPath.Usage.PATTERN));
    }

    public String text() {
        return text;
    }

    /** True when the pattern has {@code *} segments. */
    public boolean hasWildcard() {
        return wildcard;
    }

    /**
     * The longest segment-aligned prefix every match starts with: the text up to the first {@code *}, or up to its
     * last '.' for an exact path.
     */
    public String literalPrefix() {
        int star = text.indexOf('*');
        if (star >= 0) {
            return text.substring(0, star);
        }
        return partial ? text : text.substring(0, text.lastIndexOf('.') + 1);
    }

    /** True for one parameter path without wildcards: a direct lookup, no scan. */
    public boolean isExact() {
        return !partial && !wildcard;
    }

    /** True when {@code path} is selected by this pattern. */
    public boolean matches(String path) {
        if (!wildcard) {
            return partial ? path.startsWith(text) : path.equals(text);
        }
        int p = 0;
        int s = 0;
        int patternLength = text.length();
        int pathLength = path.length();
        while (p < patternLength) {
            char c = text.charAt(p);
            if (c == '*' && (p + 1 == patternLength || text.charAt(p + 1) == '.')) {
                int digits = s;
                while (digits < pathLength && Character.isDigit(path.charAt(digits))) {
                    digits++;
                }
                if (digits == s || (digits < pathLength && path.charAt(digits) != '.')) {
                    return false;
                }
                s = digits;
                p++;
                continue;
            }
            if (s >= pathLength || path.charAt(s) != c) {
                return false;
            }
            p++;
            s++;
        }
        return partial || s == pathLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
