package io.cpeoperator.operator.qoe.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterDeltaTest {

    @Test
    void aNormalIncreaseIsTheDifference() {
        assertThat(CounterDelta.between(5_000_000, 5_100_000)).hasValue(100_000);
        assertThat(CounterDelta.between(42, 42)).hasValue(0);
    }

    @Test
    void a32BitCounterWrapsAtTwoToThe32() {
        // 4294967296 - 4294967000 + 500
        assertThat(CounterDelta.between(4_294_967_000.0, 500)).hasValue(796);
    }

    @Test
    void a64BitCounterWrapsAtTwoToThe64() {
        double twoTo64 = 18_446_744_073_709_551_616.0;
        assertThat(CounterDelta.between(twoTo64 - 4096, 904)).hasValue(5000);
        // above 2^32 a counter is 64-bit: a fall from its upper half is a wrap too
        assertThat(CounterDelta.between(twoTo64 * 0.75, 0)).hasValue(twoTo64 * 0.25);
    }

    @Test
    void aFallThatIsNoWrapIsAResetWithUnknownIncrease() {
        assertThat(CounterDelta.between(5_000_000, 1_000)).isEmpty();
        // from the upper half, but not to a small value: a reset, not a wrap
        assertThat(CounterDelta.between(4_000_000_000.0, 2_000_000_000.0)).isEmpty();
        assertThat(CounterDelta.between(1e12, 100)).isEmpty();
    }

    @Test
    void nonsenseIsEmpty() {
        assertThat(CounterDelta.between(-1, 5)).isEmpty();
        assertThat(CounterDelta.between(5, -1)).isEmpty();
        assertThat(CounterDelta.between(Double.NaN, 5)).isEmpty();
    }
}
