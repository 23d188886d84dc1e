package io.cpeoperator.operator.qoe;

import java.util.List;
import java.util.Optional;

/**
 * One factor's checks and its score: the score of its worst assessed check (one bad aspect is a bad experience,
 * however good the rest), or empty when no check could judge.
 */
public record FactorResult(Factor factor, Optional<Integer> score, List<CheckResult> checks) {

    public FactorResult {
        checks = List.copyOf(checks);
    }

    static FactorResult of(Factor factor, List<CheckResult> checks) {
        Optional<Integer> score = checks.stream().filter(CheckResult::assessed).map(CheckResult::score)
                .min(Integer::compare);
        return new FactorResult(factor, score, checks);
    }

    public boolean assessed() {
        return score.isPresent();
    }

    /** True when nothing applied at all (not a mesh node, every radio off): not "unknown", just not there. */
    public boolean notApplicable() {
        return checks.stream().allMatch(c -> c.state() == CheckResult.State.NOT_APPLICABLE);
    }
}
