package io.cpeoperator.operator.fleet;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSelectorsTest {

    private static final Map<String, String> LABELS = Map.of("protocol", "cwmp", "model", "bm632w");

    @Test
    void matchLabelsMustAllMatch() {
        assertThat(LabelSelectors.matches(selector().addToMatchLabels("protocol", "cwmp").build(), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(selector().addToMatchLabels("protocol", "cwmp")
                .addToMatchLabels("model", "x").build(), LABELS)).isFalse();
    }

    @Test
    void expressions() {
        assertThat(LabelSelectors.matches(expr("model", "In", "bm632w", "other"), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(expr("model", "NotIn", "bm632w"), LABELS)).isFalse();
        assertThat(LabelSelectors.matches(expr("site", "NotIn", "lab"), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(expr("protocol", "Exists"), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(expr("site", "DoesNotExist"), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(expr("protocol", "DoesNotExist"), LABELS)).isFalse();
    }

    @Test
    void emptySelectorMatchesAllButMissingSelectorMatchesNothing() {
        assertThat(LabelSelectors.matches(new LabelSelector(), LABELS)).isTrue();
        assertThat(LabelSelectors.matches(null, LABELS)).isFalse();
    }

    @Test
    void invalidSelectorsAreExplained() {
        assertThat(LabelSelectors.problem(null)).contains("spec.selector is missing");
        assertThat(LabelSelectors.problem(expr("model", "Like", "x"))).contains("must be In, NotIn, Exists or DoesNotExist");
        assertThat(LabelSelectors.problem(expr("model", "In"))).contains("needs values");
        assertThat(LabelSelectors.problem(expr("model", "Exists", "x"))).contains("takes no values");
        assertThat(LabelSelectors.problem(expr("model", "In", "x"))).isNull();
    }

    private static LabelSelectorBuilder selector() {
        return new LabelSelectorBuilder();
    }

    private static LabelSelector expr(String key, String operator, String... values) {
        return selector().addNewMatchExpression().withKey(key).withOperator(operator).withValues(values)
                .endMatchExpression().build();
    }
}
