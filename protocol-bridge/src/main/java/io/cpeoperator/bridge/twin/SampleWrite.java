package io.cpeoperator.bridge.twin;

/**
 * What {@link TwinStore#applySamples} did with one batch of samples.
 *
 * @param twinPresent false when the store holds no twin of the device: nothing was written
 * @param applied     samples written (values at least as new as what the twin held, or paths it did not have)
 * @param superseded  samples skipped because the twin holds a value observed later
 */
public record SampleWrite(boolean twinPresent, int applied, int superseded) {

    public static SampleWrite noTwin() {
        return new SampleWrite(false, 0, 0);
    }
}
