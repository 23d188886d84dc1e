package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.QoeGuardSpec;
import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.fabric8.kubernetes.api.model.IntOrString;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fleet's {@code spec.rollout} with its defaults filled in, or the problems that make it unusable (said so that the
 * user knows what to fix).
 */
public record RolloutPolicy(List<Integer> wavePercents, Integer batchSize, IntOrString maxUnavailable,
                            IntOrString failureBudget, boolean qoeGuard, int maxScoreDrop, int maxFindingPercent,
                            Duration settleTime, Duration pauseBetweenWaves, boolean paused, String spreadByLabel) {

    public static final List<Integer> DEFAULT_WAVES = List.of(1, 10, 50, 100);
    public static final String DEFAULT_SPREAD_LABEL = "topology.cpeoperator.io/access-node";
    static final IntOrString DEFAULT_MAX_UNAVAILABLE = new IntOrString("10%");
    static final IntOrString DEFAULT_FAILURE_BUDGET = new IntOrString("10%");

    /** The policy, or the first problem found in the spec. */
    public static Result from(RolloutSpec spec) {
        RolloutSpec s = spec == null ? new RolloutSpec() : spec;
        List<String> problems = new ArrayList<>();
        if (s.getWaves() != null && s.getBatchSize() != null) {
            problems.add("spec.rollout sets both waves and batchSize: keep one");
        }
        List<Integer> waves = s.getWaves() == null ? DEFAULT_WAVES : s.getWaves();
        for (int i = 0; i < waves.size(); i++) {
            Integer percent = waves.get(i);
            if (percent == null || percent < 1 || percent > 100) {
                problems.add("spec.rollout.waves[" + i + "] is " + percent + ": each wave is a percent from 1 to 100");
            } else if (i > 0 && waves.get(i - 1) != null && percent <= waves.get(i - 1)) {
                problems.add("spec.rollout.waves must increase: " + waves);
            }
        }
        if (!waves.isEmpty() && waves.get(waves.size() - 1) != null && waves.get(waves.size() - 1) != 100) {
            problems.add("spec.rollout.waves must end at 100 so that every device is upgraded: " + waves);
        }
        IntOrString maxUnavailable = s.getMaxUnavailable() == null ? DEFAULT_MAX_UNAVAILABLE : s.getMaxUnavailable();
        IntOrString failureBudget = s.getFailureBudget() == null ? DEFAULT_FAILURE_BUDGET : s.getFailureBudget();
        checkAmount("spec.rollout.maxUnavailable", maxUnavailable, 1, problems);
        checkAmount("spec.rollout.failureBudget", failureBudget, 0, problems);
        QoeGuardSpec guard = s.getQoeGuard() == null ? new QoeGuardSpec() : s.getQoeGuard();
        Duration settle = duration("spec.rollout.qoeGuard.settleTime", guard.getSettleTime(), Duration.ofMinutes(10),
                problems);
        Duration pause = duration("spec.rollout.pauseBetweenWaves", s.getPauseBetweenWaves(), Duration.ofMinutes(10),
                problems);
        if (!problems.isEmpty()) {
            return new Result(null, String.join("; ", problems) + ".");
        }
        return new Result(new RolloutPolicy(List.copyOf(waves), s.getBatchSize(), maxUnavailable, failureBudget,
                !Boolean.FALSE.equals(guard.getEnabled()),
                guard.getMaxScoreDrop() == null ? 10 : guard.getMaxScoreDrop(),
                guard.getMaxFindingPercent() == null ? 25 : guard.getMaxFindingPercent(), settle, pause,
                Boolean.TRUE.equals(s.getPaused()),
                s.getSpreadByLabel() == null || s.getSpreadByLabel().isBlank() ? DEFAULT_SPREAD_LABEL
                        : s.getSpreadByLabel()), null);
    }

    /** A policy, or why there is none. */
    public record Result(RolloutPolicy policy, String problem) {
        public Optional<RolloutPolicy> valid() {
            return Optional.ofNullable(policy);
        }
    }

    /** Devices upgraded (or upgrading) by the end of each wave, for a fleet of {@code eligible} devices. */
    public List<Integer> waveTargets(int eligible) {
        List<Integer> targets = new ArrayList<>();
        if (eligible == 0) {
            targets.add(0);
            return targets;
        }
        if (batchSize != null) {
            for (int done = 0; done < eligible; ) {
                done = Math.min(eligible, done + batchSize);
                targets.add(done);
            }
            return targets;
        }
        for (int percent : wavePercents) {
            // rounded up: a 1% wave of 50 devices is one device, not none
            int target = (int) Math.min(eligible, Math.max(1, Math.ceil(percent * (double) eligible / 100.0)));
            if (targets.isEmpty() || target > targets.get(targets.size() - 1)) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Most devices upgrading at once in a fleet of {@code eligible} devices (at least one). */
    public int maxInFlight(int eligible) {
        return Math.max(1, amount(maxUnavailable, eligible, false));
    }

    /** Failures tolerated among the {@code reached} devices of the rollout so far. */
    public int failuresTolerated(int reached) {
        return Math.max(0, amount(failureBudget, reached, false));
    }

    static int amount(IntOrString value, int of, boolean roundUp) {
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal().trim();
        double percent = Double.parseDouble(text.substring(0, text.length() - 1));
        double exact = percent * of / 100.0;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    private static void checkAmount(String field, IntOrString value, int min, List<String> problems) {
        if (value.getIntVal() != null) {
            if (value.getIntVal() < min) {
                problems.add(field + " is " + value.getIntVal() + ": it must be at least " + min);
            }
            return;
        }
        String text = value.getStrVal() == null ? "" : value.getStrVal().trim();
        if (!text.matches("[0-9]{1,3}(\\.[0-9]+)?%")) {
            problems.add(field + " is '" + text + "': give a number of devices (e.g. 5) or a percent (e.g. \"10%\")");
            return;
        }
        double percent = Double.parseDouble(text.substring(0, text.length() - 1));
        if (percent > 100 || (min > 0 && percent <= 0)) {
            problems.add(field + " is " + text + ": a percent must be " + (min > 0 ? "above 0" : "from 0") + " and at most 100%");
        }
    }

    private static Duration duration(String field, String text, Duration otherwise, List<String> problems) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            Duration value = Duration.parse(text.trim());
            if (value.isNegative()) {
                problems.add(field + " is negative: " + text);
            }
            return value;
        } catch (DateTimeParseException e) {
            problems.add(field + " is '" + text + "': use an ISO-8601 duration such as PT10M");
            return otherwise;
        }
    }
}
