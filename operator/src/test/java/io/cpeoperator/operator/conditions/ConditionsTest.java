package io.cpeoperator.operator.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00.750Z"));
    private final Conditions conditions = new Conditions(clock, List.of("Connected", "Ready", "Synced"));

    @Test
    void readyComesFirstAndEveryKnownTypeIsPresentAsNotYetReported() {
        List<Condition> result = conditions.apply(List.of(), 1,
                List.of(DesiredCondition.isTrue("Synced", "FullSyncDone", "Synced 1200 parameters.")));

        assertThat(result).extracting(Condition::getType).containsExactly("Ready", "Connected", "Synced");
        assertThat(result.get(0).getStatus()).isEqualTo("Unknown");
        assertThat(result.get(0).getReason()).isEqualTo("NotYetReported");
        assertThat(result.get(1).getReason()).isEqualTo("NotYetReported");
        assertThat(result.get(2).getStatus()).isEqualTo("True");
        assertThat(result).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(1L);
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        });
    }

    @Test
    void transitionTimeMovesOnlyWhenStatusChanges() {
        List<Condition> first = conditions.apply(List.of(), 1,
                List.of(DesiredCondition.isTrue("Connected", "SessionOpen", "Inform received.")));
        clock.set(Instant.parse("2026-11-25T10:05:00Z"));

        List<Condition> sameStatus = conditions.apply(first, 2,
                List.of(DesiredCondition.isTrue("Connected", "ChannelUp", "MQTT channel up.")));
        Condition connected = Conditions.find(sameStatus, "Connected").orElseThrow();
        assertThat(connected.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(connected.getReason()).isEqualTo("ChannelUp");
        assertThat(connected.getMessage()).isEqualTo("MQTT channel up.");
        assertThat(connected.getObservedGeneration()).isEqualTo(2L);

        clock.set(Instant.parse("2026-11-25T10:10:00Z"));
        List<Condition> changed = conditions.apply(sameStatus, 2,
                List.of(DesiredCondition.isFalse("Connected", "SessionsMissed", "No Inform for 3 intervals.")));
        assertThat(Conditions.find(changed, "Connected").orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-11-25T10:10:00Z");
    }

    @Test
    void conditionsNotMentionedKeepTheirValueAndTime() {
        List<Condition> first = conditions.apply(List.of(), 1,
                List.of(DesiredCondition.isTrue("Connected", "SessionOpen", "Inform received.")));
        clock.set(Instant.parse("2026-11-25T11:00:00Z"));

        List<Condition> next = conditions.apply(first, 3, List.of());

        Condition connected = Conditions.find(next, "Connected").orElseThrow();
        assertThat(connected.getStatus()).isEqualTo("True");
        assertThat(connected.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(connected.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void unchangedInputGivesAnEqualListSoNoStatusWriteIsNeeded() {
        List<DesiredCondition> desired = List.of(DesiredCondition.isTrue("Connected", "SessionOpen", "ok"));
        List<Condition> first = conditions.apply(List.of(), 4, desired);
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));

        assertThat(conditions.apply(first, 4, desired)).isEqualTo(first);
    }

    @Test
    void typesOutsideTheKnownSetAreKeptAfterTheKnownOnes() {
        Condition foreign = new Condition("2026-01-01T00:00:00Z", "x", 1L, "Other", "True", "Vendor");
        List<Condition> result = conditions.apply(List.of(foreign), 1, List.of());
        assertThat(result).extracting(Condition::getType).containsExactly("Ready", "Connected", "Synced", "Vendor");
    }

    @Test
    void readySummarisesFalseBeforeUnknownAndNamesTheCause() {
        DesiredCondition ready = ReadyCondition.summarise(List.of(
                DesiredCondition.unknown("Synced", "NotYetReported", "Not reported yet."),
                DesiredCondition.isFalse("Connected", "SessionsMissed", "No Inform for 3 intervals.")), "all good");
        assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(ready.reason()).isEqualTo("SessionsMissed");
        assertThat(ready.message()).isEqualTo("Connected: No Inform for 3 intervals.");

        DesiredCondition unknown = ReadyCondition.summarise(List.of(
                DesiredCondition.isTrue("Connected", "SessionOpen", "ok"),
                DesiredCondition.unknown("Synced", "NotYetReported", "Not reported yet.")), "all good");
        assertThat(unknown.status()).isEqualTo(ConditionStatus.UNKNOWN);

        DesiredCondition ok = ReadyCondition.summarise(List.of(
                DesiredCondition.isTrue("Connected", "SessionOpen", "ok")), "all good");
        assertThat(ok.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(ok.message()).isEqualTo("all good");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
