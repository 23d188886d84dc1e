package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static io.cpeoperator.bridge.twin.TwinFixtures.SCHEMA;
import static io.cpeoperator.bridge.twin.TwinFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers and readers on the same devices at once. Every batch writes one generation number into all parameters of
 * a group; a reader that ever sees two generations in one group read a torn batch. Every writer owns its own
 * parameters and remembers the last value it wrote; at the end the twin must hold exactly those (no lost update).
 */
class TwinConcurrencyTest {

    private static final int DEVICES = 4;
    private static final int WRITERS = 4;
    private static final int READERS = 3;
    private static final int GROUP_SIZE = 40;
    private static final int BATCHES_PER_WRITER = 1_500;

    private final ShardedTwinStore store = TwinFixtures.store(new SimpleMeterRegistry());

    private static DeviceId device(int n) {
        return DeviceId.usp("os::00D09E-" + n);
    }

    private static String path(int writer, int index) {
        return "Device.X_TEST.Writer." + (writer + 1) + ".Value." + (index + 1) + ".Data";
    }

    @Test
    void noTornReadsAndNoLostUpdates() throws Exception {
        for (int d = 0; d < DEVICES; d++) {
            List<ParameterValue> initial = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < GROUP_SIZE; i++) {
                    initial.add(ParameterValue.of(path(w, i), "gen-0"));
                }
            }
            store.applySnapshot(device(d), SCHEMA, initial, T0);
        }
        Map<String, Long> changesSeen = new ConcurrentHashMap<>();
        store.addListener((id, changes) -> changesSeen.merge(id.toString(), (long) changes.size(), Long::sum));

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong consistentReads = new AtomicLong();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int gen = 1; gen <= BATCHES_PER_WRITER; gen++) {
                    DeviceId id = device(gen % DEVICES);
                    List<ParameterValue> batch = new ArrayList<>(GROUP_SIZE);
                    for (int i = 0; i < GROUP_SIZE; i++) {
                        // long values go through the arena and its compaction as well
                        batch.add(ParameterValue.of(path(writer, i), gen % 2 == 0 ? "gen-" + gen
                                : "generation number " + gen + " of writer " + writer));
                    }
                    store.applyUpdates(id, batch, T0.plusSeconds(gen));
                }
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            readers.add(pool.submit(() -> {
                start.await();
                do {
                    for (int d = 0; d < DEVICES; d++) {
                        int w = (reader + d) % WRITERS;
                        List<TwinParameter> group = store.read(device(d),
                                "Device.X_TEST.Writer." + (w + 1) + ".Value.*.Data");
                        assertThat(group).hasSize(GROUP_SIZE);
                        assertThat(group.stream().map(TwinParameter::value).distinct()).as("one batch").hasSize(1);
                        assertThat(group.stream().map(TwinParameter::observedAt).distinct()).hasSize(1);
                        consistentReads.incrementAndGet();
                    }
                } while (writing.get());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(consistentReads.get()).isPositive();
        for (int d = 0; d < DEVICES; d++) {
            int lastGen = lastGenerationFor(d);
            for (int w = 0; w < WRITERS; w++) {
                String expected = lastGen % 2 == 0 ? "gen-" + lastGen
                        : "generation number " + lastGen + " of writer " + w;
                Map<String, Long> values = store.read(device(d), "Device.X_TEST.Writer." + (w + 1) + ".").stream()
                        .collect(Collectors.groupingBy(TwinParameter::value, Collectors.counting()));
                assertThat(values).as("device %d writer %d", d, w).containsExactly(Map.entry(expected,
                        (long) GROUP_SIZE));
            }
            // every batch changed every value of its group: nothing was lost on the way to the listeners either
            assertThat(changesSeen.get(device(d).toString()))
                    .isEqualTo((long) WRITERS * GROUP_SIZE * batchesFor(d));
        }
    }

    private static int lastGenerationFor(int device) {
        int last = BATCHES_PER_WRITER;
        while (last % DEVICES != device) {
            last--;
        }
        return last;
    }

    private static long batchesFor(int device) {
        long count = 0;
        for (int gen = 1; gen <= BATCHES_PER_WRITER; gen++) {
            if (gen % DEVICES == device) {
                count++;
            }
        }
        return count;
    }

    @Test
    void snapshotsAreNeverSeenHalfApplied() throws Exception {
        DeviceId id = device(99);
        store.applySnapshot(id, SCHEMA, snapshot(0), T0);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> writer = pool.submit(() -> {
            for (int gen = 1; gen <= 1_000; gen++) {
                store.applySnapshot(id, SCHEMA, snapshot(gen), T0.plusSeconds(gen));
            }
            writing.set(false);
            return null;
        });
        Future<Long> reader = pool.submit(() -> {
            long reads = 0;
            do {
                List<TwinParameter> all = store.read(id, "Device.");
                assertThat(all).hasSize(100);
                assertThat(all.stream().map(TwinParameter::value).distinct()).hasSize(1);
                reads++;
            } while (writing.get());
            return reads;
        });
        writer.get(60, TimeUnit.SECONDS);
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        pool.shutdown();
        assertThat(store.get(id, "Device.Hosts.Host.1.Name").orElseThrow().value()).isEqualTo("host-1000");
    }

    @Test
    void devicesOfOneModelGrowTheSharedSchemaConcurrently() throws Exception {
        int threads = 4;
        int paths = 3_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            DeviceId id = device(200 + t);
            int offset = t * 7;
            writers.add(pool.submit(() -> {
                start.await();
                // overlapping paths: every thread interns most of the others' paths too, in another order
                for (int i = 0; i < paths; i++) {
                    int n = (i + offset * 100) % paths + 1;
                    store.applyUpdates(id, List.of(ParameterValue.of("Device.Hosts.Host." + n + ".Active",
                            id.key() + "-" + n)), T0);
                    if (store.get(id, "Device.Hosts.Host." + n + ".Active").isEmpty()) {
                        throw new AssertionError("lost " + n);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int t = 0; t < threads; t++) {
            DeviceId id = device(200 + t);
            List<TwinParameter> hosts = store.read(id, "Device.Hosts.Host.*.Active");
            assertThat(hosts).hasSize(paths);
            assertThat(hosts).allSatisfy(p -> assertThat(p.value()).startsWith(id.key() + "-"));
            assertThat(hosts.get(paths - 1).value()).isEqualTo(id.key() + "-" + paths);
        }
    }

    private static List<ParameterValue> snapshot(int gen) {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            values.add(ParameterValue.of("Device.Hosts.Host." + i + ".Name", "host-" + gen));
        }
        return values;
    }
}
