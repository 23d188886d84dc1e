package io.cpeoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step run after the CRD generator (exec-maven-plugin, process-test-classes): the generator sorts printer
 * columns by JSON path, which puts Age first in {@code kubectl get}. This puts them back in the order the
 * {@link AdditionalPrinterColumn} annotations are declared on the resource class. Text-level, so the rest of the
 * generated file stays byte-for-byte as the generator wrote it.
 */
public final class CrdPrinterColumnOrder {

    private static final String COLUMNS_START = "  - additionalPrinterColumns:\n";
    private static final String COLUMN_START = "    - jsonPath: ";

    private CrdPrinterColumnOrder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        reorder(dir.resolve("cpedevices.cpeoperator.io-v1.yml"), CpeDevice.class);
        reorder(dir.resolve("cpefleets.cpeoperator.io-v1.yml"), CpeFleet.class);
    }

    static void reorder(Path file, Class<? extends HasMetadata> resource) throws IOException {
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, reorder(yaml, resource), StandardCharsets.UTF_8);
    }

    static String reorder(String yaml, Class<? extends HasMetadata> resource) {
        int start = yaml.indexOf(COLUMNS_START);
        if (start < 0) {
            throw new IllegalStateException("no additionalPrinterColumns in the CRD of " + resource.getSimpleName());
        }
        int blockStart = start + COLUMNS_START.length();
        int blockEnd = blockStart;
        while (yaml.startsWith("    ", blockEnd) && (yaml.startsWith(COLUMN_START, blockEnd)
                || yaml.startsWith("      ", blockEnd))) {
            blockEnd = yaml.indexOf('\n', blockEnd) + 1;
        }
        Map<String, String> columnsByPath = new LinkedHashMap<>();
        for (String column : split(yaml.substring(blockStart, blockEnd))) {
            String path = column.substring(COLUMN_START.length(), column.indexOf('\n'));
            columnsByPath.put(path, column);
        }
        StringBuilder ordered = new StringBuilder();
        for (AdditionalPrinterColumn annotation : resource.getAnnotationsByType(AdditionalPrinterColumn.class)) {
            String column = columnsByPath.remove(quote(annotation.jsonPath()));
            if (column == null) {
                throw new IllegalStateException("printer column " + annotation.name() + " not found in the generated CRD");
            }
            ordered.append(column);
        }
        columnsByPath.values().forEach(ordered::append);
        return yaml.substring(0, blockStart) + ordered + yaml.substring(blockEnd);
    }

    private static List<String> split(String block) {
        List<String> columns = new ArrayList<>();
        int from = 0;
        while (from < block.length()) {
            int next = block.indexOf(COLUMN_START, from + 1);
            int end = next < 0 ? block.length() : next;
            columns.add(block.substring(from, end));
            from = end;
        }
        return columns;
    }

    private static String quote(String jsonPath) {
        return "\"" + jsonPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
