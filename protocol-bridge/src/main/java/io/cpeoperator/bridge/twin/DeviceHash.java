package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

/**
 * A hash of a device identity that is the same in every JVM and replica (the enum's and the record's own hash codes
 * are not), spread so that similar serial numbers land far apart. Used for shard placement and refresh jitter.
 */
public final class DeviceHash {

    private DeviceHash() {
    }

    public static long of(DeviceId id) {
        // String.hashCode is specified by the JLS and cached in the string: stable and cheap
        long h = id.key().hashCode() * 0x9E3779B97F4A7C15L + id.protocol().prefix().hashCode();
        // murmur3 fmix64
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The shard of {@code id} among {@code shards}. */
    public static int shardOf(DeviceId id, int shards) {
        return (int) Math.floorMod(of(id), (long) shards);
    }
}
