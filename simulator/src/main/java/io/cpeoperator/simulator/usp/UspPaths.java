package io.cpeoperator.simulator.usp;

import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves USP path expressions (TR-369 2.5): instance numbers, the {@code *} wildcard and unique-key search
 * expressions such as {@code [Alias=="x"]} or {@code [Enable==true&&Protocol=="MQTT"]} against one device.
 */
public final class UspPaths {

    /** Longest path accepted; anything longer is refused as invalid before any work is done. */
    public static final int MAX_PATH_LENGTH = 1024;

    private UspPaths() {
    }

    /**
     * The objects an expression ending in '.' (or the object part of a parameter expression) resolves to.
     *
     * @return resolved object paths, each ending in '.'; empty when a wildcard or search matched nothing
     * @throws InvalidPathException when the expression names nothing the model has
     */
    public static List<String> resolveObjects(VirtualDevice device, String expression) throws InvalidPathException {
        if (expression.length() > MAX_PATH_LENGTH || !expression.endsWith(".")) {
            throw new InvalidPathException(expression);
        }
        String root = device.schema().root();
        if (!expression.startsWith(root)) {
            throw new InvalidPathException(expression);
        }
        List<String> segments = expression.length() == root.length() ? List.of()
                : split(expression.substring(root.length(), expression.length() - 1));
        List<String> current = List.of(root);
        boolean searched = false;
        for (String segment : segments) {
            List<String> next = new ArrayList<>();
            if (segment.equals("*") || segment.startsWith("[")) {
                searched = true;
                for (String object : current) {
                    if (!DataModelReader.isTable(device, object)) {
                        throw new InvalidPathException(expression);
                    }
                    for (Integer number : DataModelReader.instanceNumbers(device, object)) {
                        String instance = object + number + ".";
                        if (segment.equals("*") || SearchExpression.matches(device, instance, segment)) {
                            next.add(instance);
                        }
                    }
                }
            } else {
                for (String object : current) {
                    String child = object + segment + ".";
                    if (DataModelReader.objectExists(device, child)) {
                        next.add(child);
                    }
                }
                if (next.isEmpty() && !searched) {
                    throw new InvalidPathException(expression);
                }
            }
            current = next;
        }
        return current;
    }

    /** Splits on dots outside search brackets and quotes. */
    static List<String> split(String path) throws InvalidPathException {
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return segments;
        }
        StringBuilder segment = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
            }
            if (c == '.' && depth == 0 && !quoted) {
                if (segment.length() == 0) {
                    throw new InvalidPathException(path);
                }
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        if (depth != 0 || quoted || segment.length() == 0) {
            throw new InvalidPathException(path);
        }
        segments.add(segment.toString());
        return segments;
    }

    /** The expression names no object or parameter of the model. */
    public static final class InvalidPathException extends Exception {
        private final String path;

        public InvalidPathException(String path) {
            super("Path is invalid: " + path, null, false, false);
            this.path = Objects.requireNonNull(path);
        }

        public String path() {
            return path;
        }
    }
}
