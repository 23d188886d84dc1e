package io.cpeoperator.operator.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GET endpoint: a path pattern with {@code {name}} segments and what serves it. Path variables are passed in order.
 */
public record Route(Pattern pattern, Endpoint endpoint) {

    @FunctionalInterface
    public interface Endpoint {
        void serve(HttpExchange exchange, List<String> pathVariables) throws Exception;
    }

    /** {@code /api/v1/cpedevices/{namespace}/{name}} style templates; a variable is one non-empty segment. */
    public static Route get(String template, Endpoint endpoint) {
        String regex = "^" + template.replaceAll("\\{[^/]+}", "([^/]+)") + "/?$";
        return new Route(Pattern.compile(regex), endpoint);
    }

    /** The path variables, or null when the path does not match. */
    List<String> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        List<String> variables = new java.util.ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            variables.add(matcher.group(i));
        }
        return variables;
    }
}
