package io.cpeoperator.bridge.logging;

import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FleetLogBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FleetLogBudget budget = new FleetLogBudget(clock, 3);

    @Test
    void linesBeyondTheBudgetAreHeldBackAndCountedOnTheNextLineWritten() {
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        for (int line = 0; line < 1_000; line++) {
            assertThat(budget.take()).isEqualTo(-1);
        }

        clock.advance(Duration.ofSeconds(59));
        assertThat(budget.take()).as("the minute is not over").isEqualTo(-1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.take()).isEqualTo(1_001);
        assertThat(budget.take()).as("counted once").isZero();
    }

    @Test
    void aCallerThatSumsUpHeldBackLinesItselfTakesThemOver() {
        for (int line = 0; line < 10; line++) {
            budget.take();
        }
        assertThat(budget.takeHeldBack()).isEqualTo(7);
        assertThat(budget.takeHeldBack()).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(budget.take()).as("already summed up").isZero();
    }

    @Test
    void aClockThatStepsBackStartsANewWindowInsteadOfSilencingTheLogForever() {
        for (int line = 0; line < 4; line++) {
            budget.take();
        }
        clock.advance(Duration.ofHours(-1));
        assertThat(budget.take()).isEqualTo(1);
    }
}
