package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.device.DeviceOperationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncRetryPolicyTest {

    private final SyncRetryPolicy policy = new SyncRetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), 6, 0.2);

    @Test
    void theDelayDoublesFromTheInitialOneUpToTheCap() {
        assertThat(policy.delayBefore(1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(2, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayBefore(3, 0.5)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.delayBefore(7, 0.5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.delayBefore(1_000, 0.5)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsTheDelayButNeverPastTheCap() {
        assertThat(policy.delayBefore(1, 0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(policy.delayBefore(1, 0.999_999)).isBetween(Duration.ofSeconds(35), Duration.ofSeconds(36));
        assertThat(policy.delayBefore(20, 0.999_999)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> new SyncRetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncRetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyncRetryPolicy.disabled().enabled()).isFalse();
    }

    @Test
    void failuresAreJudgedByTheirKind() {
        assertThat(kind(DeviceOperationException.UNREACHABLE)).isEqualTo(SyncFailureKind.TRANSIENT);
        assertThat(kind(9001)).isEqualTo(SyncFailureKind.TRANSIENT);
        assertThat(kind(9002)).isEqualTo(SyncFailureKind.TRANSIENT);
        assertThat(kind(9004)).isEqualTo(SyncFailureKind.TRANSIENT);
        assertThat(kind(8004)).isEqualTo(SyncFailureKind.TRANSIENT);
        assertThat(kind(9000)).isEqualTo(SyncFailureKind.PERMANENT);
        assertThat(kind(9003)).isEqualTo(SyncFailureKind.PERMANENT);
        assertThat(kind(9005)).isEqualTo(SyncFailureKind.PERMANENT);
        assertThat(kind(DeviceOperationException.CANCELLED)).isEqualTo(SyncFailureKind.CANCELLED);
        assertThat(SyncFailureKind.of(new CompletionException(new TooManyParametersException(10))))
                .isEqualTo(SyncFailureKind.PERMANENT);
        assertThat(SyncFailureKind.of(new IllegalStateException("bug"))).isEqualTo(SyncFailureKind.PERMANENT);
    }

    private static SyncFailureKind kind(int faultCode) {
        return SyncFailureKind.of(new CompletionException(new DeviceOperationException(faultCode, "fault")));
    }
}
