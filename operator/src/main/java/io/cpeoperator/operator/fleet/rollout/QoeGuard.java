package io.cpeoperator.operator.fleet.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rollout's QoE guard. Devices running the new version whose QoE was evaluated after they settled on it are
 * compared with devices of the same model that still run another version: a mean score drop beyond the budget, or a
 * finding far more common on the new version, trips it. Only models with devices on both sides count, and too few
 * upgraded devices judge nothing: the guard stays quiet rather than guess.
 */
public final class QoeGuard {

    /** Fewest upgraded, judged devices a verdict rests on (fewer when the whole rollout reached fewer). */
    static final int MIN_UPGRADED = 3;

    private QoeGuard() {
    }

    /** Why the guard pauses the rollout, or empty. */
    public static Optional<String> trip(List<Member> members, String target, int maxScoreDrop, int maxFindingPercent,
                                        int reached) {
        List<Member> upgraded = members.stream()
                .filter(m -> m.standing() == Standing.UPDATED && m.judgedOnVersion()).toList();
        List<Member> others = members.stream()
                .filter(m -> m.standing() == Standing.PENDING || m.standing() == Standing.IN_FLIGHT).toList();
        int needed = Math.max(1, Math.min(MIN_UPGRADED, reached));
        if (upgraded.size() < needed || others.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> drop = scoreDrop(upgraded, others, target, maxScoreDrop, needed);
        return drop.isPresent() ? drop : findingSpread(upgraded, others, target, maxFindingPercent, needed);
    }

    private static Optional<String> scoreDrop(List<Member> upgraded, List<Member> others, String target,
                                              int maxScoreDrop, int needed) {
        Map<String, List<Integer>> upByModel = scoresByModel(upgraded);
        Map<String, List<Integer>> baseByModel = scoresByModel(others);
        double weighted = 0;
        int weights = 0;
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : upByModel.entrySet()) {
            List<Integer> base = baseByModel.get(entry.getKey());
            if (base == null || base.isEmpty()) {
                continue;
            }
            double up = mean(entry.getValue());
            double before = mean(base);
            weighted += (before - up) * entry.getValue().size();
            weights += entry.getValue().size();
            evidence.add(String.format("%s: %.0f on %d upgraded device(s) against %.0f on %d other(s)",
                    entry.getKey(), up, entry.getValue().size(), before, base.size()));
        }
        if (weights < needed) {
            return Optional.empty();
        }
        double drop = weighted / weights;
        if (drop <= maxScoreDrop) {
            return Optional.empty();
        }
        return Optional.of(String.format("Devices on %s score %.0f points lower than devices of the same model on "
                + "other versions (more than the %d allowed): %s.", target, drop, maxScoreDrop,
                String.join("; ", evidence)));
    }

    private static Optional<String> findingSpread(List<Member> upgraded, List<Member> others, String target,
                                                  int maxFindingPercent, int needed) {
        TreeSet<String> codes = upgraded.stream().flatMap(m -> m.findings().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String code : codes) {
            long up = upgraded.stream().filter(m -> m.findings().contains(code)).count();
            long base = others.stream().filter(m -> m.findings().contains(code)).count();
            double upShare = 100.0 * up / upgraded.size();
            double baseShare = 100.0 * base / others.size();
            if (up >= needed && upShare - baseShare > maxFindingPercent) {
                List<String> names = upgraded.stream().filter(m -> m.findings().contains(code)).map(Member::name)
                        .sorted().limit(5).toList();
                return Optional.of(String.format("QoE finding %s is on %d of %d upgraded device(s) on %s (%.0f%%) "
                                + "against %.0f%% of the others, more than %d points above: %s%s.", code, up,
                        upgraded.size(), target, upShare, baseShare, maxFindingPercent, String.join(", ", names),
                        up > names.size() ? ", ..." : ""));
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<Integer>> scoresByModel(List<Member> members) {
        Map<String, List<Integer>> byModel = new TreeMap<>();
        for (Member member : members) {
            if (member.score() != null) {
                byModel.computeIfAbsent(member.model(), m -> new ArrayList<>()).add(member.score());
            }
        }
        return byModel;
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
