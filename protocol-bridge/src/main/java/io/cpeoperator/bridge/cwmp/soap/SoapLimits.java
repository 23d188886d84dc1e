package io.cpeoperator.bridge.cwmp.soap;

/**
 * Bounds applied to every envelope before and while it is parsed: a device's bytes are hostile until proven
 * otherwise, so nothing about them may make the parser use unbounded memory or time.
 *
 * @param maxBodyBytes  largest HTTP body accepted (default 1 MiB)
 * @param maxDepth      deepest element nesting; real CWMP envelopes are at most ~8 deep
 * @param maxElements   most elements in one envelope; a full GetParameterNames walk of a big device is ~50k
 * @param maxTextLength longest text content of one element (base64 values, certificates)
 */
public record SoapLimits(int maxBodyBytes, int maxDepth, int maxElements, int maxTextLength) {

    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public SoapLimits {
        requirePositive(maxBodyBytes, "maxBodyBytes");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxElements, "maxElements");
        requirePositive(maxTextLength, "maxTextLength");
    }

    public static SoapLimits defaults() {
        return new SoapLimits(DEFAULT_MAX_BODY_BYTES, 32, 200_000, 256 * 1024);
    }

    public SoapLimits withMaxBodyBytes(int bytes) {
        return new SoapLimits(bytes, maxDepth, maxElements, maxTextLength);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
