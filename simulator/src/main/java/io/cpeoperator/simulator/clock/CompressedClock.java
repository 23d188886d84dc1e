package io.cpeoperator.simulator.clock;

/** A clock that starts at the real current time and then runs {@code compression} times faster. */
public final class CompressedClock implements SimClock {

    private final long startEpochMillis;
    private final long startNanos;
    private final double compression;

    public CompressedClock(double compression) {
        if (!(compression > 0)) {
            throw new IllegalArgumentException("time compression must be > 0");
        }
        this.startEpochMillis = System.currentTimeMillis();
        this.startNanos = System.nanoTime();
        this.compression = compression;
    }

    @Override
    public long millis() {
        double elapsedRealMillis = (System.nanoTime() - startNanos) / 1_000_000.0;
        return startEpochMillis + (long) (elapsedRealMillis * compression);
    }

    @Override
    public double compression() {
        return compression;
    }
}
