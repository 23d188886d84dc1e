package io.cpeoperator.operator.kube;

import com.google.re2j.PatternSyntaxException;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;

import java.util.ArrayList;
import java.util.List;

/**
 * What a real API server refuses in a CRD that the generator and the fabric8 mock server let through: a
 * {@code pattern} that does not compile with RE2 (Go's regexp: no lookaround, backreference or possessive
 * quantifier), a {@code pattern} on a node that is not a string, a CEL rule that does not compile against the schema
 * ({@link CelRuleCompiler}), a rule whose message is blank or spans lines. Each problem names the CRD, the version,
 * the field path and the offending text.
 */
final class CrdPortabilityCheck {

    /** The problems found, and how many patterns and rules were looked at (so an empty walk does not pass). */
    record Findings(List<String> problems, int patterns, int rules) {
    }

    private CrdPortabilityCheck() {
    }

    static Findings check(CustomResourceDefinition crd) {
        List<String> problems = new ArrayList<>();
        int patterns = 0;
        int rules = 0;
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            String crdVersion = crd.getMetadata().getName() + " " + version.getName();
            if (version.getSchema() == null || version.getSchema().getOpenAPIV3Schema() == null) {
                problems.add(crdVersion + ": no openAPIV3Schema");
                continue;
            }
            JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
            CelRuleCompiler cel = new CelRuleCompiler(root);
            for (SchemaNode node : SchemaNode.walk(root)) {
                String where = crdVersion + " " + node.path();
                String pattern = node.schema().getPattern();
                if (pattern != null) {
                    patterns++;
                    checkPattern(where, node, pattern, problems);
                }
                List<ValidationRule> validations = node.schema().getXKubernetesValidations();
                for (ValidationRule rule : validations == null ? List.<ValidationRule>of() : validations) {
                    rules++;
                    checkRule(where, node, rule, cel, problems);
                }
            }
        }
        return new Findings(List.copyOf(problems), patterns, rules);
    }

    private static void checkPattern(String where, SchemaNode node, String pattern, List<String> problems) {
        if (!node.type().equals("string")) {
            problems.add(where + ": pattern on a node of type '" + node.type() + "', not string: " + pattern);
        }
        try {
            com.google.re2j.Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(where + ": pattern does not compile with RE2 (" + e.getDescription() + "): " + pattern);
        }
    }

    private static void checkRule(String where, SchemaNode node, ValidationRule rule, CelRuleCompiler cel,
            List<String> problems) {
        String message = rule.getMessage();
        if (message == null || message.isBlank()) {
            problems.add(where + ": rule without a message: " + rule.getRule());
        } else if (message.contains("\n") || message.contains("\r")) {
            problems.add(where + ": message spans lines: " + rule.getRule());
        }
        if (node.nested()) {
            problems.add(where + ": x-kubernetes-validations under allOf, anyOf, oneOf or not: " + rule.getRule());
            return;
        }
        for (String problem : cel.problems(node.schema(), rule)) {
            problems.add(where + ": " + problem + " (rule: " + rule.getRule() + ")");
        }
    }
}
