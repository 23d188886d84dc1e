package io.cpeoperator.operator.kube;

import io.cpeoperator.api.v1alpha1.ApiPatterns;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check finds what a real API server refuses, and names the CRD, version, field and offending text. */
class CrdPortabilityCheckTest {

    private static final Path GENERATED = Path.of(System.getProperty("cpe.crds.generated", "target/crds"));

    private static final String LOOKAHEAD_DURATION = CrdSchemaPortabilityTest.LOOKAHEAD_DURATION;

    @Test
    void cleanSchemaHasNoProblems() {
        CrdPortabilityCheck.Findings findings = check("""
                        type: object
                        x-kubernetes-validations:
                        - rule: "has(self.spec) && self.metadata.name.startsWith('w')"
                          message: a Widget needs a spec
                        properties:
                          spec:
                            type: object
                            x-kubernetes-validations:
                            - rule: "!has(self.size) || self.size <= 10 || self.interval.matches('^P[0-9]+D$')"
                              message: a large widget needs a daily interval
                            properties:
                              interval:
                                type: string
                                pattern: "^P[0-9]+D$"
                              size:
                                type: integer
                              labels:
                                type: object
                                additionalProperties:
                                  type: string
                                x-kubernetes-validations:
                                - rule: "self.all(k, k.lowerAscii() == k && self[k].size() <= 63)"
                                  message: label keys are lower case, values at most 63 characters
                              weights:
                                type: object
                                additionalProperties:
                                  type: integer
                                x-kubernetes-validations:
                                - rule: "self.all(k, self[k] >= 0.5) && sets.contains(['a', 'b'], self.map(k, k))"
                                  message: weights are positive
                              ports:
                                type: array
                                items:
                                  type: object
                                  properties:
                                    port:
                                      type: integer
                                x-kubernetes-validations:
                                - rule: "self.all(p, p.port > 0) && self.size() == oldSelf.size()"
                                  message: ports are positive and fixed
                """);

        assertThat(findings.problems()).isEmpty();
        assertThat(findings.patterns()).isEqualTo(1);
        assertThat(findings.rules()).isEqualTo(5);
    }

    @Test
    void lookaheadPatternIsReportedWithCrdFieldAndPattern() {
        CrdPortabilityCheck.Findings findings = check("""
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              interval:
                                type: string
                                pattern: '%s'
                """.formatted(LOOKAHEAD_DURATION));

        assertThat(findings.problems()).singleElement().asString()
                .startsWith("widgets.example.io v1 .spec.interval: pattern does not compile with RE2")
                .contains("(?=");
    }

    @Test
    void celRulesAreTypedFromTheSchemaNodeTheyAreOn() {
        CrdPortabilityCheck.Findings findings = check("""
                        type: object
                        properties:
                          spec:
                            type: object
                            x-kubernetes-validations:
                            - rule: "self.intervall != ''"
                              message: misspelt field
                            properties:
                              interval:
                                type: string
                              labels:
                                type: object
                                additionalProperties:
                                  type: string
                                x-kubernetes-validations:
                                - rule: "self.all(k, self[k] > 0)"
                                  message: a string compared with an int
                """);

        assertThat(findings.problems()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("widgets.example.io v1 .spec: rule does not compile")
                        .contains("intervall"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("widgets.example.io v1 .spec.labels: rule does not compile")
                        .contains("self.all(k, self[k] > 0)"));
    }

    @Test
    void badCelRulesAndStructuralMistakesAreReported() {
        CrdPortabilityCheck.Findings findings = check("""
                        type: object
                        properties:
                          spec:
                            type: object
                            x-kubernetes-validations:
                            - rule: "self.interval.matches('^(?=P)')"
                              message: lookahead in a CEL regex literal
                            - rule: "self.all(k, "
                              message: syntax error
                            - rule: "self.interval"
                              message: not a bool
                            - rule: "self.interval in ['PT1M', 60]"
                              message: a list literal mixing types
                            - rule: "self.size > 0"
                            - rule: "self.size < 10"
                              message: ""
                            properties:
                              interval:
                                type: string
                              size:
                                type: integer
                                pattern: "^[0-9]+$"
                """);

        assertThat(findings.problems()).hasSize(7)
                .contains("widgets.example.io v1 .spec: rule: matches() pattern does not compile with RE2 (invalid or "
                                + "unsupported Perl syntax): ^(?=P) (rule: self.interval.matches('^(?=P)'))",
                        "widgets.example.io v1 .spec: rule must evaluate to bool, not string (rule: self.interval)",
                        "widgets.example.io v1 .spec: rule without a message: self.size > 0",
                        "widgets.example.io v1 .spec: rule without a message: self.size < 10",
                        "widgets.example.io v1 .spec.size: pattern on a node of type 'integer', not string: ^[0-9]+$")
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("widgets.example.io v1 .spec: rule does not compile")
                        .endsWith("(rule: self.all(k, )"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("widgets.example.io v1 .spec: rule does not compile")
                        .endsWith("(rule: self.interval in ['PT1M', 60])"));
    }

    @Test
    void nodesUnderAllOfAreTypedByTheNodeTheyBelongTo() {
        CrdPortabilityCheck.Findings findings = check("""
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              interval:
                                type: string
                            allOf:
                            - properties:
                                interval:
                                  pattern: "^P(?=T)"
                            - x-kubernetes-validations:
                              - rule: "true"
                                message: a rule in a value validation
                """);

        assertThat(findings.problems()).containsExactly(
                "widgets.example.io v1 .spec(allOf[0]).interval: pattern does not compile with RE2 (invalid or "
                        + "unsupported Perl syntax): ^P(?=T)",
                "widgets.example.io v1 .spec(allOf[1]): x-kubernetes-validations under allOf, anyOf, oneOf or not: true");
    }

    /** The generated CpeFleet CRD with DURATION as it was before: the check refuses it. */
    @Test
    void fleetCrdWithTheLookaheadDurationIsRefused() throws IOException {
        String fleet = Files.readString(GENERATED.resolve("cpefleets.cpeoperator.io-v1.yml"));
        CustomResourceDefinition crd = Serialization.unmarshal(fleet, CustomResourceDefinition.class);
        List<JSONSchemaProps> durations = SchemaNode.walk(
                        crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()).stream()
                .map(SchemaNode::schema)
                .filter(node -> ApiPatterns.DURATION.equals(node.getPattern()))
                .toList();
        // spec.rollout.pauseBetweenWaves, spec.rollout.qoeGuard.settleTime, spec.telemetry.subtrees[*].maxAge
        assertThat(durations).hasSize(3);
        durations.forEach(node -> node.setPattern(LOOKAHEAD_DURATION));

        assertThat(CrdPortabilityCheck.check(crd).problems()).hasSize(3)
                .allSatisfy(problem -> assertThat(problem).startsWith("cpefleets.cpeoperator.io v1alpha1 .spec.")
                        .contains("pattern does not compile with RE2").contains("(?="));
    }

    private static CrdPortabilityCheck.Findings check(String openApiV3Schema) {
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.io
                spec:
                  group: example.io
                  names:
                    kind: Widget
                    plural: widgets
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                """ + openApiV3Schema.indent(8);
        return CrdPortabilityCheck.check(Serialization.unmarshal(crd, CustomResourceDefinition.class));
    }
}
