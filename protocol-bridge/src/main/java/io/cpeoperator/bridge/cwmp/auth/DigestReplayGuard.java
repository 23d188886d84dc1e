package io.cpeoperator.bridge.cwmp.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Refuses a Digest answer seen before (RFC 7616 §3.4 and §5.11): per nonce the highest nonce-count accepted so far,
 * and a new answer must count higher. An answer without qop (RFC 2069 style) carries no count and is treated as
 * count 1, which makes its nonce single-use.
 *
 * <p>Only nonces of successfully verified answers are remembered, so nobody without a password can fill the table,
 * and an entry lives as long as its nonce could still be valid. The table is bounded: should a storm of
 * authentications push a still-valid nonce out, that is counted ({@code cpe.cwmp.auth.nonces.evicted}) so the bound
 * can be raised.
 */
final class DigestReplayGuard {

    /** Entries of about 200 bytes: 1,000,000 is ~200 MB at worst, 3,300 authentications/s for 5 minutes. */
    static final long DEFAULT_MAX_NONCES = 1_000_000;

    private final Cache<String, Long> highestCount;

    DigestReplayGuard(Clock clock, Duration nonceLifetime, long maxNonces, MeterRegistry registry) {
        Counter evicted = Counter.builder("cpe.cwmp.auth.nonces.evicted")
                .description("Digest nonces forgotten before they expired because the replay table was full")
                .register(registry);
        this.highestCount = Caffeine.newBuilder()
                .maximumSize(maxNonces)
                .expireAfterWrite(nonceLifetime)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .removalListener((String nonce, Long count, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evicted.increment();
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    /**
     * Records a verified answer's nonce-count; false when this count (or a higher one) was already accepted for
     * this nonce, i.e. the answer is a replay.
     */
    boolean firstUse(String nonce, long nonceCount) {
        boolean[] fresh = {false};
        highestCount.asMap().compute(nonce, (key, highest) -> {
            if (highest == null || nonceCount > highest) {
                fresh[0] = true;
                return nonceCount;
            }
            return highest;
        });
        return fresh[0];
    }

    /** The nonce-count of an answer: 8 hex digits with qop, 1 without (a single-use nonce); -1 when malformed. */
    static long nonceCount(String qop, String nc) {
        if (qop == null) {
            return 1;
        }
        if (nc == null || nc.isEmpty() || nc.length() > 8) {
            return -1;
        }
        long count = 0;
        for (int i = 0; i < nc.length(); i++) {
            char c = nc.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            count = count * 16 + digit;
        }
        return count > 0 ? count : -1;
    }
}
