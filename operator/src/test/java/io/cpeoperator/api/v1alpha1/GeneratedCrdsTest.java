package io.cpeoperator.api.v1alpha1;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed CRDs are exactly what the model classes generate, and they carry the API's validation. */
class GeneratedCrdsTest {

    private static final Path GENERATED = Path.of(System.getProperty("cpe.crds.generated", "target/crds"));
    private static final Path COMMITTED = Path.of(System.getProperty("cpe.crds.committed", "../crds"));

    @ParameterizedTest
    @ValueSource(strings = {"cpedevices.cpeoperator.io-v1.yml", "cpefleets.cpeoperator.io-v1.yml"})
    void committedCrdMatchesGenerated(String file) throws IOException {
        String generated = Files.readString(GENERATED.resolve(file));
        String committed = Files.readString(COMMITTED.resolve(file));
        assertThat(committed)
                .as("crds/%s differs from what the model classes generate; run "
                        + "'./mvnw -pl operator -am -DskipTests package && cp operator/target/crds/*.yml crds/' "
                        + "and commit the result", file)
                .isEqualTo(generated);
    }

    @Test
    void deviceCrdHasNamesColumnsAndStatusSubresource() throws IOException {
        CustomResourceDefinition crd = load("cpedevices.cpeoperator.io-v1.yml");
        assertThat(crd.getSpec().getGroup()).isEqualTo("cpeoperator.io");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("cpe");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("cpe");
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(version.getName()).isEqualTo("v1alpha1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getAdditionalPrinterColumns()).extracting("name")
                .containsExactly("Protocol", "Model", "Firmware", "Connected", "Config", "QoE", "Grade", "Last-Contact",
                        "Age");
    }

    @Test
    void fleetCrdHasNamesColumnsAndStatusSubresource() throws IOException {
        CustomResourceDefinition crd = load("cpefleets.cpeoperator.io-v1.yml");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("cpef");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("cpe");
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertThat(version.getSubresources().getStatus()).isNotNull();
        assertThat(version.getAdditionalPrinterColumns()).extracting("name")
                .containsExactly("Devices", "Connected", "Healthy", "Firmware-Rollout", "Age");
        JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(spec.getRequired()).contains("selector");
        // one firmware type for devices and fleets; the rollout beside it
        assertThat(spec.getProperties().get("firmware").getRequired()).containsExactlyInAnyOrder("version", "url");
        JSONSchemaProps rollout = spec.getProperties().get("rollout");
        assertThat(rollout.getProperties().get("failureBudget").getXKubernetesIntOrString()).isTrue();
        assertThat(rollout.getProperties().get("maxUnavailable").getXKubernetesIntOrString()).isTrue();
        JSONSchemaProps maxScoreDrop = rollout.getProperties().get("qoeGuard").getProperties().get("maxScoreDrop");
        assertThat(maxScoreDrop.getMinimum()).isEqualTo(1.0);
        assertThat(maxScoreDrop.getMaximum()).isEqualTo(100.0);
        assertThat(rollout.getProperties().get("pauseBetweenWaves").getPattern()).isEqualTo(ApiPatterns.DURATION);
    }

    @Test
    void deviceSpecIsValidatedBySchema() throws IOException {
        JSONSchemaProps spec = schema("cpedevices.cpeoperator.io-v1.yml").getProperties().get("spec");
        assertThat(spec.getRequired()).containsExactlyInAnyOrder("identity", "protocol");
        assertThat(spec.getProperties().get("protocol").getEnum()).extracting(Object::toString)
                .containsExactly("\"CWMP\"", "\"USP\"");
        assertThat(spec.getXKubernetesValidations()).extracting(ValidationRule::getMessage)
                .anyMatch(m -> m.contains("spec.identity.oui"))
                .anyMatch(m -> m.contains("spec.identity.endpointId"));
        JSONSchemaProps parameters = spec.getProperties().get("parameters");
        assertThat(parameters.getAdditionalProperties().getSchema().getType()).isEqualTo("string");
        assertThat(parameters.getXKubernetesValidations()).singleElement()
                .extracting(ValidationRule::getRule).isEqualTo(ApiPatterns.PARAMETER_KEYS_RULE);
        JSONSchemaProps identity = spec.getProperties().get("identity");
        assertThat(identity.getProperties().get("oui").getPattern()).isEqualTo("^[0-9A-Fa-f]{6}$");
        assertThat(spec.getProperties().get("reboot").getProperties().get("requestedAt").getPattern())
                .isEqualTo(ApiPatterns.RFC3339);
        assertThat(spec.getProperties().get("firmware").getRequired()).containsExactlyInAnyOrder("url", "version");
    }

    @Test
    void schemaIsStructuralWithoutPreservedUnknownFields() throws IOException {
        for (String file : List.of("cpedevices.cpeoperator.io-v1.yml", "cpefleets.cpeoperator.io-v1.yml")) {
            assertThat(Files.readString(COMMITTED.resolve(file))).doesNotContain("x-kubernetes-preserve-unknown-fields");
            assertEveryNodeTyped(schema(file), file);
        }
    }

    @Test
    void celRuleUsesTheSameExpressionAsTheJavaPattern() {
        String unescaped = ApiPatterns.PARAMETER_KEYS_RULE.replace("\\\\", "\\");
        assertThat(unescaped).contains(ApiPatterns.PARAMETER_PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Device.WiFi.SSID.1.SSID", "InternetGatewayDevice.ManagementServer.PeriodicInformInterval",
            "Device.X_ACME-COM_Feature.Enable"})
    void parameterPathPatternAcceptsFullPaths(String path) {
        assertThat(Pattern.matches(ApiPatterns.PARAMETER_PATH, path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Device.WiFi.", "Device.WiFi.SSID.*.SSID", "Foo.Bar", "Device", "device.WiFi.SSID.1.SSID",
            "Device..SSID"})
    void parameterPathPatternRejectsPartialWildcardAndForeignPaths(String path) {
        assertThat(Pattern.matches(ApiPatterns.PARAMETER_PATH, path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5M", "PT30S", "P1D", "PT1H30M", "P1DT2H"})
    void durationPatternAcceptsIsoDurations(String duration) {
        assertThat(Pattern.matches(ApiPatterns.DURATION, duration)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5m", "PT", "P", "PT5X", ""})
    void durationPatternRejectsOtherText(String duration) {
        assertThat(Pattern.matches(ApiPatterns.DURATION, duration)).isFalse();
    }

    private static void assertEveryNodeTyped(JSONSchemaProps node, String where) {
        if (Boolean.TRUE.equals(node.getXKubernetesIntOrString())) {
            return; // a number or a percent string: structural without a type
        }
        assertThat(node.getType()).as("type of %s", where).isNotBlank();
        assertThat(node.getXKubernetesPreserveUnknownFields()).as("preserve-unknown-fields at %s", where).isNotEqualTo(true);
        if (node.getProperties() != null) {
            node.getProperties().forEach((name, child) -> assertEveryNodeTyped(child, where + "." + name));
        }
        if (node.getItems() != null && node.getItems().getSchema() != null) {
            assertEveryNodeTyped(node.getItems().getSchema(), where + "[]");
        }
        if (node.getAdditionalProperties() != null && node.getAdditionalProperties().getSchema() != null) {
            assertEveryNodeTyped(node.getAdditionalProperties().getSchema(), where + "{}");
        }
    }

    private static JSONSchemaProps schema(String file) throws IOException {
        return load(file).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }

    private static CustomResourceDefinition load(String file) throws IOException {
        return Serialization.unmarshal(Files.readString(COMMITTED.resolve(file)), CustomResourceDefinition.class);
    }
}
