package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutPolicyTest {

    @Test
    void defaultsAreSmallWavesTenPercentAtOnceAndTenPercentFailures() {
        RolloutPolicy policy = RolloutPolicy.from(null).policy();
        assertThat(policy.waveTargets(500)).containsExactly(5, 50, 250, 500);
        assertThat(policy.waveTargets(50)).containsExactly(1, 5, 25, 50);
        assertThat(policy.maxInFlight(500)).isEqualTo(50);
        assertThat(policy.maxInFlight(5)).isEqualTo(1);
        assertThat(policy.failuresTolerated(10)).isEqualTo(1);
        assertThat(policy.settleTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.qoeGuard()).isTrue();
    }

    @Test
    void wavesRoundUpAndCollapseWhenTheFleetIsSmall() {
        RolloutSpec spec = new RolloutSpec();
        spec.setWaves(List.of(2, 20, 100));
        RolloutPolicy policy = RolloutPolicy.from(spec).policy();
        assertThat(policy.waveTargets(500)).containsExactly(10, 100, 500);
        assertThat(policy.waveTargets(3)).containsExactly(1, 3);
        assertThat(policy.waveTargets(0)).containsExactly(0);
    }

    @Test
    void batchesOfAFixedSize() {
        RolloutSpec spec = new RolloutSpec();
        spec.setBatchSize(40);
        assertThat(RolloutPolicy.from(spec).policy().waveTargets(100)).containsExactly(40, 80, 100);
    }

    @Test
    void absoluteAndPercentBudgets() {
        RolloutSpec spec = new RolloutSpec();
        spec.setMaxUnavailable(new IntOrString(7));
        spec.setFailureBudget(new IntOrString("25%"));
        RolloutPolicy policy = RolloutPolicy.from(spec).policy();
        assertThat(policy.maxInFlight(1000)).isEqualTo(7);
        assertThat(policy.failuresTolerated(10)).isEqualTo(2);
        spec.setFailureBudget(new IntOrString(0));
        assertThat(RolloutPolicy.from(spec).policy().failuresTolerated(10)).isZero();
    }

    @Test
    void badSpecsSayWhatToFix() {
        RolloutSpec spec = new RolloutSpec();
        spec.setWaves(List.of(10, 5, 50));
        spec.setMaxUnavailable(new IntOrString("lots"));
        spec.setPauseBetweenWaves("10m");
        String problem = RolloutPolicy.from(spec).problem();
        assertThat(problem).contains("spec.rollout.waves must increase")
                .contains("must end at 100")
                .contains("spec.rollout.maxUnavailable is 'lots'")
                .contains("spec.rollout.pauseBetweenWaves is '10m': use an ISO-8601 duration");
        RolloutSpec both = new RolloutSpec();
        both.setWaves(List.of(100));
        both.setBatchSize(5);
        assertThat(RolloutPolicy.from(both).problem()).contains("both waves and batchSize");
    }
}
