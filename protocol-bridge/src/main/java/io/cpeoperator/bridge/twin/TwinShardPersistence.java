package io.cpeoperator.bridge.twin;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The seam for saving and restoring the twins of one shard, so a restarted replica can serve reads before every
 * device has been synced again. <b>Not implemented yet:</b> today a restart rebuilds every twin from its device
 * (each device needs a full sync on its next contact, which {@link TwinStore#needsFullSync} reports).
 *
 * <p>Intended use: a background task calls {@link ShardedTwinStore#exportShard} for one shard at a time and hands
 * the twins to {@link #save}; shards are independent, so saving one never blocks writers of another, and each
 * twin is read under its own lock (consistent per device, not across devices). On start, {@link #load} feeds each
 * saved twin back; a restore must keep per-parameter observation times, so a saved value counts as old as it is,
 * and must keep {@code lastFullSync}, so a device saved before its first full sync still gets one. Shard numbers
 * depend on the shard count: an implementation stores {@code shardCount} and re-hashes (or drops) a save made with
 * a different one. Storage format, location and retention are the implementation's choice (a file per shard on
 * the replica's volume is the simple one for a StatefulSet).
 */
public interface TwinShardPersistence {

    /** Writes the twins of {@code shard} (of {@code shardCount}), replacing any earlier save of that shard. */
    void save(int shard, int shardCount, Stream<PersistedTwin> twins) throws IOException;

    /** Reads back the twins saved for {@code shard} (of {@code shardCount}); nothing when there is no save. */
    void load(int shard, int shardCount, Consumer<PersistedTwin> sink) throws IOException;
}
