package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.operator.conditions.Conditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides a fleet's rollout from its devices as they are now and from the last status.rollout (the wave and its
 * times): nothing is kept in memory, so after a restart the same inputs give the same decision. Per look: count where
 * every device stands; pause when spec.rollout.paused is set, the failure budget is spent or the QoE guard trips;
 * otherwise admit devices of the current wave, in {@link WaveOrder}, without passing maxUnavailable; once every device
 * of the wave is upgraded and its QoE judged on the new version, wait pauseBetweenWaves and start the next wave.
 */
public final class RolloutPlanner {

    public static final String PROGRESSING = "Progressing";
    public static final String PAUSED = "Paused";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";

    public static final String REASON_WAVE_IN_PROGRESS = "WaveInProgress";
    public static final String REASON_BETWEEN_WAVES = "WaitingBetweenWaves";
    public static final String REASON_PAUSED_BY_SPEC = "PausedBySpec";
    public static final String REASON_FAILURE_BUDGET = "FailureBudgetExceeded";
    public static final String REASON_QOE_GUARD = "QoEGuard";
    public static final String REASON_COMPLETED = "Completed";
    public static final String REASON_FAILED_EVERYWHERE = "InstallFailedEverywhere";

    /** How often an active rollout is looked at even when no device changes. */
    static final Duration RECHECK = Duration.ofSeconds(15);
    /** A device whose QoE is not evaluated this long after it settled no longer holds its wave up. */
    static final Duration JUDGE_GRACE = Duration.ofMinutes(5);
    private static final int NAMED = 5;

    private RolloutPlanner() {
    }

    /**
     * @param members  every selected device, classified for {@code target}
     * @param previous the stored status.rollout (null or for another version: the rollout of {@code target} starts)
     */
    public static RolloutPlan plan(String target, List<Member> members, RolloutPolicy policy, RolloutStatus previous,
                                   Function<Member, String> spread, Instant now) {
        Map<Standing, Long> counts = members.stream()
                .collect(Collectors.groupingBy(Member::standing, Collectors.counting()));
        int updated = count(counts, Standing.UPDATED);
        int inFlight = count(counts, Standing.IN_FLIGHT);
        int failed = count(counts, Standing.FAILED);
        int pending = count(counts, Standing.PENDING);
        int excluded = count(counts, Standing.EXCLUDED);
        int eligible = updated + inFlight + failed + pending;
        int reached = updated + inFlight + failed;
        List<Integer> targets = policy.waveTargets(eligible);

        boolean fresh = previous == null || !target.equals(previous.getTargetVersion()) || previous.getWave() == null;
        int wave = fresh ? derivedWave(targets, reached) : Math.max(1, Math.min(previous.getWave(), targets.size()));
        Instant waveStarted = fresh ? now : parseOr(previous.getWaveStartedTime(), now);
        Instant waveCompleted = fresh ? null : Conditions.parse(previous.getWaveCompletedTime());
        List<RolloutPlan.Announcement> events = new ArrayList<>();
        if (fresh) {
            events.add(new RolloutPlan.Announcement(false, "RolloutWaveStarted", "Rolling out " + target + ": wave "
                    + wave + " of " + targets.size() + " upgrades up to " + targets.get(wave - 1) + " of "
                    + eligible + " device(s).", target + "/" + wave));
        }

        List<Member> admit = new ArrayList<>();
        String state;
        String reason;
        String message;
        Duration recheck = RECHECK;
        int tolerated = policy.failuresTolerated(targets.get(wave - 1));
        Optional<String> guard = policy.qoeGuard() ? QoeGuard.trip(members, target, policy.maxScoreDrop(),
                policy.maxFindingPercent(), reached) : Optional.empty();
        if (failed > tolerated) {
            // Failed, not Paused, when the version could not even be installed: every device the rollout reached
            // failed its download or install
            boolean nothingInstalled = members.stream().noneMatch(m -> m.admitted() && m.installed());
            state = nothingInstalled && inFlight == 0 && failed >= Math.min(3, reached) ? FAILED : PAUSED;
            reason = state.equals(FAILED) ? REASON_FAILED_EVERYWHERE : REASON_FAILURE_BUDGET;
            message = failed + " device(s) failed on " + target + ", more than the " + tolerated + " the failure budget "
                    + "allows in wave " + wave + ": " + failures(members) + ". No device is admitted until spec.firmware "
                    + "changes or spec.rollout.failureBudget allows more.";
        } else if (guard.isPresent()) {
            state = PAUSED;
            reason = REASON_QOE_GUARD;
            message = guard.get() + " No device is admitted until spec.firmware changes or the QoE recovers.";
        } else if (policy.paused()) {
            state = PAUSED;
            reason = REASON_PAUSED_BY_SPEC;
            message = "spec.rollout.paused is true: no device is admitted; set it to false to resume.";
        } else {
            state = PROGRESSING;
            reason = REASON_WAVE_IN_PROGRESS;
            message = null;
            // at most one wave step per look: the next wave starts with its own look
            int waveTarget = targets.get(wave - 1);
            List<Member> holding = unjudged(members, now);
            if (reached < waveTarget) {
                int room = Math.min(waveTarget - reached, policy.maxInFlight(eligible) - inFlight);
                if (room > 0) {
                    admit = nextDevices(members, target, spread, room);
                }
                message = "Wave " + wave + " of " + targets.size() + ": " + (reached + admit.size()) + " of "
                        + waveTarget + " device(s) admitted, " + (inFlight + admit.size()) + " upgrading.";
            } else if (inFlight > 0 || !holding.isEmpty()) {
                message = "Wave " + wave + " of " + targets.size() + ": waiting for " + inFlight
                        + " device(s) to finish upgrading and " + holding.size() + " to have their QoE judged on "
                        + target + (holding.isEmpty() ? "" : " (" + names(holding) + ")") + ".";
            } else {
                if (waveCompleted == null) {
                    waveCompleted = now;
                    events.add(new RolloutPlan.Announcement(false, "RolloutWaveCompleted", "Wave " + wave + " of "
                            + targets.size() + " completed: " + updated + " device(s) run " + target + ", " + failed
                            + " failed.", target + "/" + wave));
                }
                if (wave == targets.size()) {
                    state = COMPLETED;
                    reason = REASON_COMPLETED;
                    message = "Every selected device runs " + target + (failed > 0 ? " except " + failed + " that failed"
                            : "") + (excluded > 0 ? "; " + excluded + " excluded" : "") + ".";
                    recheck = null;
                } else {
                    Instant next = waveCompleted.plus(policy.pauseBetweenWaves());
                    if (now.isBefore(next)) {
                        reason = REASON_BETWEEN_WAVES;
                        message = "Wave " + wave + " of " + targets.size() + " completed; wave " + (wave + 1)
                                + " starts at " + Conditions.format(next) + ".";
                        recheck = min(RECHECK, Duration.between(now, next));
                    } else {
                        wave++;
                        waveStarted = now;
                        waveCompleted = null;
                        message = "Wave " + wave + " of " + targets.size() + " started.";
                        events.add(new RolloutPlan.Announcement(false, "RolloutWaveStarted", "Wave " + wave + " of "
                                + targets.size() + " started: up to " + targets.get(wave - 1) + " of " + eligible
                                + " device(s) on " + target + ".", target + "/" + wave));
                        recheck = Duration.ofMillis(1);
                    }
                }
            }
        }
        String before = previous == null || fresh ? null : previous.getState();
        announceStateChange(events, before, previous == null ? null : previous.getReason(), state, reason, message,
                target);

        RolloutStatus status = new RolloutStatus();
        status.setTargetVersion(target);
        status.setState(state);
        status.setReason(reason);
        status.setMessage(message);
        status.setWave(wave);
        status.setWaves(targets.size());
        status.setWaveTarget(targets.get(wave - 1));
        status.setUpdated(updated);
        status.setInProgress(inFlight + admit.size());
        status.setPending(pending - admit.size());
        status.setFailed(failed);
        status.setExcluded(excluded);
        status.setProgress(state + " " + updated + "/" + eligible);
        status.setWaveStartedTime(Conditions.format(waveStarted));
        status.setWaveCompletedTime(waveCompleted == null ? null : Conditions.format(waveCompleted));
        return new RolloutPlan(status, admit, events, recheck);
    }

    /** Without a stored wave (a new rollout, or status lost): the first wave whose target is not yet reached. */
    private static int derivedWave(List<Integer> targets, int reached) {
        for (int i = 0; i < targets.size(); i++) {
            if (reached <= targets.get(i)) {
                return i + 1;
            }
        }
        return targets.size();
    }

    /** Upgraded devices whose QoE on the new version is not judged yet, and still within the grace. */
    private static List<Member> unjudged(List<Member> members, Instant now) {
        return members.stream().filter(m -> m.standing() == Standing.UPDATED && m.admitted())
                .filter(m -> m.settledAt() != null && !m.judgedOnVersion()
                        && now.isBefore(m.settledAt().plus(JUDGE_GRACE)))
                .toList();
    }

    private static List<Member> nextDevices(List<Member> members, String target, Function<Member, String> spread,
                                            int room) {
        List<Member> pending = members.stream().filter(m -> m.standing() == Standing.PENDING).toList();
        return WaveOrder.order(pending, m -> m.model() + "|" + Objects.requireNonNullElse(spread.apply(m), ""),
                Member::name, target).stream().limit(room).toList();
    }

    private static void announceStateChange(List<RolloutPlan.Announcement> events, String before, String beforeReason,
                                            String state, String reason, String message, String target) {
        if (Objects.equals(before, state) && Objects.equals(beforeReason, reason)) {
            return;
        }
        switch (state) {
            case PAUSED -> events.add(new RolloutPlan.Announcement(!reason.equals(REASON_PAUSED_BY_SPEC),
                    "RolloutPaused", message));
            case FAILED -> events.add(new RolloutPlan.Announcement(true, "RolloutFailed", message));
            case COMPLETED -> events.add(new RolloutPlan.Announcement(false, "RolloutCompleted", message, target));
            default -> {
                if (PAUSED.equals(before) || FAILED.equals(before)) {
                    events.add(new RolloutPlan.Announcement(false, "RolloutResumed", message));
                }
            }
        }
    }

    private static String failures(List<Member> members) {
        List<Member> failed = members.stream().filter(m -> m.standing() == Standing.FAILED)
                .sorted(Comparator.comparing(Member::name)).toList();
        return failed.stream().limit(NAMED).map(m -> m.name() + " (" + m.why() + ")").collect(Collectors.joining("; "))
                + (failed.size() > NAMED ? "; and " + (failed.size() - NAMED) + " more" : "");
    }

    private static String names(List<Member> members) {
        return members.stream().map(Member::name).sorted().limit(NAMED).collect(Collectors.joining(", "))
                + (members.size() > NAMED ? ", ..." : "");
    }

    private static int count(Map<Standing, Long> counts, Standing standing) {
        return counts.getOrDefault(standing, 0L).intValue();
    }

    private static Instant parseOr(String time, Instant otherwise) {
        Instant parsed = Conditions.parse(time);
        return parsed == null ? otherwise : parsed;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
