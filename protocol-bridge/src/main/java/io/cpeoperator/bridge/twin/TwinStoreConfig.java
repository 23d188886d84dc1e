package io.cpeoperator.bridge.twin;

/**
 * Sizing of a {@link ShardedTwinStore}.
 *
 * @param shards                 number of shards (independent caches); devices are spread by identity hash
 * @param maxParameters          ceiling on parameters held in all twins together (the Caffeine weight budget,
 *                               split evenly over the shards); beyond it the least valuable twins are evicted
 * @param maxParametersPerDevice parameters beyond this in one twin are rejected and counted (hostile devices)
 * @param maxPathsPerSchema      distinct paths one model/firmware schema may hold (hostile devices)
 * @param maxValueLength         longest value kept, in characters; longer values are rejected and counted
 */
public record TwinStoreConfig(int shards, long maxParameters, int maxParametersPerDevice, int maxPathsPerSchema,
                              int maxValueLength) {

    /** Budget per parameter used to derive the default ceiling from the heap (measured ~25 B, plus headroom). */
    private static final long BYTES_PER_PARAMETER_BUDGET = 64;

    public TwinStoreConfig {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1");
        }
        if (maxParameters < 1 || maxParametersPerDevice < 1 || maxPathsPerSchema < 1 || maxValueLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Two shards per core; a parameter ceiling that keeps the twins within about half of the maximum heap; 100,000
     * parameters per device (a large gateway has 5,000-20,000); 16 KiB values (TR-069 strings are at most 64 KiB,
     * real ones far shorter).
     */
    public static TwinStoreConfig defaults() {
        int shards = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        long maxParameters = Math.max(1_000_000L, Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PARAMETER_BUDGET);
        return new TwinStoreConfig(shards, maxParameters, 100_000, 1_000_000, 16_384);
    }

    public TwinStoreConfig withShards(int newShards) {
        return new TwinStoreConfig(newShards, maxParameters, maxParametersPerDevice, maxPathsPerSchema,
                maxValueLength);
    }

    public TwinStoreConfig withMaxParameters(long newMaxParameters) {
        return new TwinStoreConfig(shards, newMaxParameters, maxParametersPerDevice, maxPathsPerSchema,
                maxValueLength);
    }

    public TwinStoreConfig withMaxParametersPerDevice(int newMax) {
        return new TwinStoreConfig(shards, maxParameters, newMax, maxPathsPerSchema, maxValueLength);
    }

    public TwinStoreConfig withMaxPathsPerSchema(int newMax) {
        return new TwinStoreConfig(shards, maxParameters, maxParametersPerDevice, newMax, maxValueLength);
    }

    public TwinStoreConfig withMaxValueLength(int newMax) {
        return new TwinStoreConfig(shards, maxParameters, maxParametersPerDevice, maxPathsPerSchema, newMax);
    }
}
