package io.cpeoperator.operator.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the Kubernetes condition rules for one kind of resource:
 * <ul>
 *   <li>{@code lastTransitionTime} moves only when a condition's status changes;</li>
 *   <li>{@code Ready} comes first, then the other known types in their declared order;</li>
 *   <li>every known type is present: {@code Unknown} with reason {@code NotYetReported} until a reconciler knows it;</li>
 *   <li>{@code observedGeneration} says which spec generation each condition reflects.</li>
 * </ul>
 * Times come from the injected {@link Clock}, truncated to seconds as the API server stores them.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String NOT_YET_REPORTED = "NotYetReported";

    private final Clock clock;
    private final List<String> knownTypes;

    /** @param knownTypes every condition type of the kind; {@code Ready} is put first whatever its position */
    public Conditions(Clock clock, List<String> knownTypes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        List<String> ordered = new ArrayList<>();
        ordered.add(READY);
        knownTypes.stream().filter(type -> !READY.equals(type)).distinct().forEach(ordered::add);
        this.knownTypes = List.copyOf(ordered);
    }

    public List<String> knownTypes() {
        return knownTypes;
    }

    /**
     * The new condition list: {@code current} updated with {@code desired}, known types not mentioned in either
     * filled in as NotYetReported, unknown types from {@code current} kept after the known ones.
     */
    public List<Condition> apply(List<Condition> current, long observedGeneration,
                                 Collection<DesiredCondition> desired) {
        Map<String, Condition> existing = new LinkedHashMap<>();
        if (current != null) {
            current.forEach(condition -> existing.put(condition.getType(), condition));
        }
        Map<String, DesiredCondition> wanted = new LinkedHashMap<>();
        desired.forEach(condition -> wanted.put(condition.type(), condition));

        String now = format(clock.instant());
        List<Condition> result = new ArrayList<>();
        for (String type : knownTypes) {
            DesiredCondition next = wanted.remove(type);
            Condition previous = existing.remove(type);
            if (next == null && previous != null) {
                result.add(previous);
            } else {
                if (next == null) {
                    next = DesiredCondition.unknown(type, NOT_YET_REPORTED, "Not reported yet.");
                }
                result.add(toCondition(next, previous, observedGeneration, now));
            }
        }
        for (DesiredCondition extra : wanted.values()) {
            result.add(toCondition(extra, existing.remove(extra.type()), observedGeneration, now));
        }
        result.addAll(existing.values());
        return result;
    }

    private static Condition toCondition(DesiredCondition next, Condition previous, long generation, String now) {
        boolean statusUnchanged = previous != null && next.status().text().equals(previous.getStatus())
                && previous.getLastTransitionTime() != null;
        return new ConditionBuilder()
                .withType(next.type())
                .withStatus(next.status().text())
                .withReason(next.reason())
                .withMessage(next.message())
                .withObservedGeneration(generation)
                .withLastTransitionTime(statusUnchanged ? previous.getLastTransitionTime() : now)
                .build();
    }

    /** An RFC 3339 time as status writes it, or null when absent or unreadable (a hand-edited status). */
    public static Instant parse(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** RFC 3339 in UTC with second precision, as Kubernetes writes metav1.Time. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Finds a condition by type. */
    public static java.util.Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return java.util.Optional.empty();
        }
        return conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst();
    }

    /** True when the condition of that type exists and its status is "True". */
    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(condition -> ConditionStatus.TRUE.text().equals(condition.getStatus()))
                .orElse(false);
    }
}
