/**
 * The digital twin store: every device's full parameter tree, kept current by the protocol bridges and read by the
 * operator instead of asking the device.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link io.cpeoperator.bridge.twin.ShardedTwinStore} spreads devices over shards by a JVM-independent hash of
 *       the identity ({@link io.cpeoperator.bridge.twin.DeviceHash}); each shard is a Caffeine cache whose weight is
 *       the number of parameters, so the store has a memory ceiling. An eviction is counted
 *       ({@code cpe.twin.evictions}), reported to {@link io.cpeoperator.bridge.twin.TwinEvictionListener}s and makes
 *       {@code needsFullSync} true for the device.</li>
 *   <li>Devices of one model and firmware ({@link io.cpeoperator.bridge.twin.TwinSchemaKey}) share a schema that
 *       interns each distinct path once ({@code PathTable}); instance numbers that differ between devices are
 *       distinct paths of the same shared schema, never per-device strings. The schema also keeps its paths'
 *       {@link io.cpeoperator.bridge.twin.PathOrder} ({@code SchemaOrder}), so a subtree is a range of ints.</li>
 *   <li>A device's twin ({@code DeviceTwin}) is parallel arrays sorted by path id: id, value packed into a long
 *       ({@code ValueCodec}: decimals, short ASCII, times, MACs, IPv4), observation second relative to an epoch, and
 *       a 16-bit descriptor (shape, type, writable); longer strings go to a per-device byte arena. Measured with the
 *       {@code twin-memory} benchmark: about 22 bytes per parameter, values included, against ~166 for a
 *       {@code HashMap<String,String>} per device.</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * Each twin has a read-write lock: a snapshot, an update batch or an object operation is applied under the write
 * lock and is visible as a whole; readers never see half of one. Different devices never contend. Schemas are read
 * lock-free and grow under their own monitor. Change listeners run on the writing thread after the batch is visible.
 *
 * <h2>Hostile input</h2>
 * Writes never throw for bad device data: invalid paths ({@link io.cpeoperator.bridge.twin.ParameterPath}), values
 * longer than the limit, twins or schemas beyond their size limits are skipped and counted in
 * {@code cpe.twin.rejected} with a reason tag. Reads throw {@link java.lang.IllegalArgumentException} for malformed
 * patterns; user input is validated first with {@code ParameterPath} (as {@code api.ParametersQuery} does).
 *
 * <h2>Limits worth knowing</h2>
 * Observation times have whole-second precision. A schema keeps every path any of its devices ever reported (the
 * union, bounded by {@code maxPathsPerSchema}); paths no device uses any more are not reclaimed until the schema
 * itself is dropped with its last twin. Persistence is a seam only ({@link io.cpeoperator.bridge.twin.TwinShardPersistence}).
 */
package io.cpeoperator.bridge.twin;
