package io.cpeoperator.bridge.usp.controller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSessionTest {

    private final AgentSession session = new AgentSession("os::1",
            new EndpointRateLimiter(10, 10, System.nanoTime()), "1.3");

    @Test
    void oneOnboardingRunAtATimeAndContactsMeanwhileCauseOneMore() {
        assertThat(session.beginOnboarding(false)).isTrue();
        assertThat(session.beginOnboarding(false)).isFalse();
        assertThat(session.endOnboarding()).isTrue();
        assertThat(session.takeBootedMeanwhile()).isFalse();
        assertThat(session.beginOnboarding(false)).isTrue();
        assertThat(session.endOnboarding()).isFalse();
    }

    @Test
    void aRebootDuringARunIsRememberedForTheNextRun() {
        assertThat(session.beginOnboarding(false)).isTrue();
        assertThat(session.beginOnboarding(true)).isFalse();
        assertThat(session.beginOnboarding(false)).isFalse();
        assertThat(session.endOnboarding()).isTrue();
        assertThat(session.takeBootedMeanwhile()).isTrue();
        assertThat(session.takeBootedMeanwhile()).isFalse();
    }

    @Test
    void rateLimiterRefillsOverTime() {
        long start = 0;
        EndpointRateLimiter limiter = new EndpointRateLimiter(10, 2, start);
        assertThat(limiter.tryAcquire(start)).isTrue();
        assertThat(limiter.tryAcquire(start)).isTrue();
        assertThat(limiter.tryAcquire(start)).isFalse();
        assertThat(limiter.tryAcquire(start + 100_000_000L)).isTrue();
        assertThat(limiter.tryAcquire(start + 100_000_000L)).isFalse();
    }
}
