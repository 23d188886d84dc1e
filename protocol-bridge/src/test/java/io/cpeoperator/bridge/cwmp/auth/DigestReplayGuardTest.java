package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The nonce-count bookkeeping behind Digest replay protection. */
class DigestReplayGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aCountIsAcceptedOnceAndOnlyHigherCountsAfterIt() {
        DigestReplayGuard guard = new DigestReplayGuard(clock, Duration.ofMinutes(5), 100, registry);
        assertThat(guard.firstUse("n1", 1)).isTrue();
        assertThat(guard.firstUse("n1", 1)).isFalse();
        assertThat(guard.firstUse("n1", 5)).isTrue();
        assertThat(guard.firstUse("n1", 4)).isFalse();
        assertThat(guard.firstUse("n2", 1)).as("another nonce counts on its own").isTrue();
    }

    @Test
    void anEntryLivesAsLongAsItsNonceCouldBeValid() {
        DigestReplayGuard guard = new DigestReplayGuard(clock, Duration.ofMinutes(5), 100, registry);
        assertThat(guard.firstUse("n1", 1)).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(guard.firstUse("n1", 1)).isFalse();
        // by now the nonce itself is expired (DigestNonces refuses it), so forgetting it opens nothing
        clock.advance(Duration.ofMinutes(6));
        assertThat(guard.firstUse("n1", 1)).isTrue();
    }

    @Test
    void aFullTableIsCounted() {
        DigestReplayGuard guard = new DigestReplayGuard(clock, Duration.ofMinutes(5), 10, registry);
        for (int i = 0; i < 100; i++) {
            guard.firstUse("n" + i, 1);
        }
        assertThat(registry.get("cpe.cwmp.auth.nonces.evicted").counter().count()).isPositive();
    }

    @Test
    void nonceCountsAreEightHexDigitsAndAbsentWithoutQop() {
        assertThat(DigestReplayGuard.nonceCount("auth", "00000001")).isEqualTo(1);
        assertThat(DigestReplayGuard.nonceCount("auth", "0000001f")).isEqualTo(31);
        assertThat(DigestReplayGuard.nonceCount("auth", "FFFFFFFF")).isEqualTo(0xFFFFFFFFL);
        assertThat(DigestReplayGuard.nonceCount(null, null)).isEqualTo(1);
        assertThat(DigestReplayGuard.nonceCount("auth", null)).isEqualTo(-1);
        assertThat(DigestReplayGuard.nonceCount("auth", "00000000")).isEqualTo(-1);
        assertThat(DigestReplayGuard.nonceCount("auth", "+0000001")).isEqualTo(-1);
        assertThat(DigestReplayGuard.nonceCount("auth", "000000001")).isEqualTo(-1);
        assertThat(DigestReplayGuard.nonceCount("auth", "zz")).isEqualTo(-1);
    }
}
