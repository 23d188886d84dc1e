package io.cpeoperator.operator.kube;

import io.cpeoperator.api.v1alpha1.ApiPatterns;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every generated CRD is one a real API server accepts, not only the fabric8 mock server: its patterns compile with
 * RE2, its CEL rules compile against the schema, and the structural rules hold ({@link CrdPortabilityCheck}). The
 * patterns shared with the operator's own validation mean the same in java.util.regex and in RE2.
 */
class CrdSchemaPortabilityTest {

    private static final Path GENERATED = Path.of(System.getProperty("cpe.crds.generated", "target/crds"));

    /** The form DURATION had before it had to compile with RE2; it still defines what DURATION accepts. */
    static final String LOOKAHEAD_DURATION =
            "^P(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?|[0-9]+D(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?)$";

    static List<Path> generatedCrds() throws IOException {
        try (Stream<Path> files = Files.list(GENERATED)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void everyKindHasAGeneratedCrd() throws IOException {
        assertThat(generatedCrds()).extracting(file -> file.getFileName().toString())
                .contains("cpedevices.cpeoperator.io-v1.yml", "cpefleets.cpeoperator.io-v1.yml");
    }

    @ParameterizedTest
    @MethodSource("generatedCrds")
    void generatedCrdIsAcceptedByARealApiServer(Path file) throws IOException {
        CrdPortabilityCheck.Findings findings = CrdPortabilityCheck.check(load(file));

        assertThat(findings.problems()).as("what a real API server would refuse in %s", file.getFileName()).isEmpty();
        assertThat(findings.patterns()).as("patterns checked in %s", file.getFileName()).isPositive();
        assertThat(findings.rules()).as("CEL rules checked in %s", file.getFileName()).isPositive();
    }

    static Stream<Arguments> knownValues() {
        String sha256 = "sha256:" + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        return Stream.of(
                arguments("DURATION", ApiPatterns.DURATION, "PT5M", true),
                arguments("DURATION", ApiPatterns.DURATION, "PT30S", true),
                arguments("DURATION", ApiPatterns.DURATION, "PT1H30M", true),
                arguments("DURATION", ApiPatterns.DURATION, "PT0.5S", true),
                arguments("DURATION", ApiPatterns.DURATION, "PT1H1S", true),
                arguments("DURATION", ApiPatterns.DURATION, "P1D", true),
                arguments("DURATION", ApiPatterns.DURATION, "P1DT2H", true),
                arguments("DURATION", ApiPatterns.DURATION, "P2DT3H4M5.25S", true),
                arguments("DURATION", ApiPatterns.DURATION, "P", false),
                arguments("DURATION", ApiPatterns.DURATION, "PT", false),
                arguments("DURATION", ApiPatterns.DURATION, "P1DT", false),
                arguments("DURATION", ApiPatterns.DURATION, "5m", false),
                arguments("DURATION", ApiPatterns.DURATION, "PT5X", false),
                arguments("DURATION", ApiPatterns.DURATION, "PT1S1M", false),
                arguments("DURATION", ApiPatterns.DURATION, "P1H", false),
                arguments("DURATION", ApiPatterns.DURATION, "PT.5S", false),
                arguments("DURATION", ApiPatterns.DURATION, "-PT5M", false),
                arguments("DURATION", ApiPatterns.DURATION, "", false),
                arguments("PARAMETER_PATH", ApiPatterns.PARAMETER_PATH, "Device.WiFi.SSID.1.SSID", true),
                arguments("PARAMETER_PATH", ApiPatterns.PARAMETER_PATH, "Device.X_ACME-COM_Feature.Enable", true),
                arguments("PARAMETER_PATH", ApiPatterns.PARAMETER_PATH, "Device.WiFi.", false),
                arguments("PARAMETER_PATH", ApiPatterns.PARAMETER_PATH, "Device.WiFi.SSID.*.SSID", false),
                arguments("PATH_PATTERN", ApiPatterns.PATH_PATTERN, "Device.WiFi.AccessPoint.*.AssociatedDevice.",
                        true),
                arguments("PATH_PATTERN", ApiPatterns.PATH_PATTERN, "InternetGatewayDevice.DeviceInfo.UpTime", true),
                arguments("PATH_PATTERN", ApiPatterns.PATH_PATTERN, "Device..WiFi", false),
                arguments("PATH_PATTERN", ApiPatterns.PATH_PATTERN, "Foo.Bar.", false),
                arguments("RFC3339", ApiPatterns.RFC3339, "2026-11-25T10:00:00Z", true),
                arguments("RFC3339", ApiPatterns.RFC3339, "2026-11-25T10:00:00.125+01:00", true),
                arguments("RFC3339", ApiPatterns.RFC3339, "2026-11-25 10:00:00Z", false),
                arguments("FIRMWARE_URL", ApiPatterns.FIRMWARE_URL, "https://fw.example.com/cpe-2.1.bin", true),
                arguments("FIRMWARE_URL", ApiPatterns.FIRMWARE_URL, "ftp://fw/cpe.bin", true),
                arguments("FIRMWARE_URL", ApiPatterns.FIRMWARE_URL, "https://fw.example.com/a b.bin", false),
                arguments("FIRMWARE_URL", ApiPatterns.FIRMWARE_URL, "file:///etc/passwd", false),
                arguments("CHECKSUM", ApiPatterns.CHECKSUM, sha256, true),
                arguments("CHECKSUM", ApiPatterns.CHECKSUM, "md5:" + "0".repeat(32), true),
                arguments("CHECKSUM", ApiPatterns.CHECKSUM, "crc32:" + "0".repeat(32), false),
                arguments("CHECKSUM", ApiPatterns.CHECKSUM, "sha256:xyz", false));
    }

    /** The API server matches with Go's regexp (RE2, unanchored search); the operator with java.util.regex. */
    @ParameterizedTest(name = "{0} on \"{2}\": {3}")
    @MethodSource("knownValues")
    void javaAndRe2AgreeOnKnownValues(String name, String pattern, String value, boolean matches) {
        boolean jdk = java.util.regex.Pattern.compile(pattern).matcher(value).find();
        boolean re2 = com.google.re2j.Pattern.compile(pattern).matcher(value).find();
        assertThat(jdk).as("java.util.regex").isEqualTo(matches);
        assertThat(re2).as("RE2").isEqualTo(matches);
    }

    @Test
    void durationAcceptsExactlyWhatTheLookaheadFormAccepted() {
        java.util.regex.Pattern lookahead = java.util.regex.Pattern.compile(LOOKAHEAD_DURATION);
        java.util.regex.Pattern jdk = java.util.regex.Pattern.compile(ApiPatterns.DURATION);
        com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(ApiPatterns.DURATION);
        List<String> candidates = durationCandidates();
        int accepted = 0;
        for (String candidate : candidates) {
            boolean expected = lookahead.matcher(candidate).matches();
            assertThat(jdk.matcher(candidate).matches()).as("java.util.regex on '%s'", candidate).isEqualTo(expected);
            assertThat(re2.matcher(candidate).matches()).as("RE2 on '%s'", candidate).isEqualTo(expected);
            if (expected) {
                accepted++;
                assertThat(parses(candidate)).as("Duration.parse('%s')", candidate).isTrue();
            }
        }
        assertThat(accepted).as("durations among %d candidates", candidates.size()).isGreaterThan(100);
    }

    /**
     * Every string of up to 6 characters over the duration's alphabet, and every sequence of up to 6 duration parts
     * (which reaches the longest forms, such as P1DT2H3M0.5S).
     */
    private static List<String> durationCandidates() {
        List<String> candidates = new ArrayList<>();
        extend("", List.of("P", "T", "D", "H", "M", "S", "1", "."), 6, candidates);
        extend("", List.of("P", "T", "1D", "2H", "3M", "4S", "0.5S", "7"), 6, candidates);
        return candidates;
    }

    private static void extend(String prefix, List<String> parts, int depth, List<String> into) {
        into.add(prefix);
        if (depth > 0) {
            for (String part : parts) {
                extend(prefix + part, parts, depth - 1, into);
            }
        }
    }

    private static boolean parses(String duration) {
        try {
            Duration.parse(duration);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static CustomResourceDefinition load(Path file) throws IOException {
        return Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
    }
}
