package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.operator.device.DeviceConditions;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.cpeoperator.operator.fleet.aggregate.TestDevices.device;
import static org.assertj.core.api.Assertions.assertThat;

class FleetTalliesTest {

    private final FleetTallies tallies = new FleetTallies();

    @Test
    void fleetCountsTheDevicesItsSelectorMatchesInItsNamespace() {
        List<CpeDevice> devices = List.of(
                device("a").label("site", "north").score(90).build(),
                device("b").label("site", "south").score(50).build(),
                device("other", "c").label("site", "north").score(10).build());

        tallies.fleetChanged("ns/north", "ns", site("north"), devices);

        assertThat(tallies.snapshot("ns/north", null, 5)).get().extracting(FleetAggregate::total).isEqualTo(1);
        assertThat(tallies.isMember("ns/north", "ns/a")).isTrue();
        assertThat(tallies.isMember("ns/north", "other/c")).isFalse();
    }

    @Test
    void relabelledDeviceMovesBetweenFleetsAtOnce() {
        CpeDevice a = device("a").label("site", "north").score(90).build();
        tallies.fleetChanged("ns/north", "ns", site("north"), List.of(a));
        tallies.fleetChanged("ns/south", "ns", site("south"), List.of(a));

        a.getMetadata().getLabels().put("site", "south");

        assertThat(tallies.deviceChanged(a)).containsExactlyInAnyOrder("ns/north", "ns/south");
        assertThat(tallies.isMember("ns/north", "ns/a")).isFalse();
        assertThat(tallies.isMember("ns/south", "ns/a")).isTrue();
        assertThat(tallies.snapshot("ns/north", null, 5).orElseThrow().total()).isZero();
        assertThat(tallies.snapshot("ns/south", null, 5).orElseThrow().qoe().getExcellent()).isEqualTo(1);
    }

    @Test
    void heartbeatThatChangesNothingMaterialWakesNoFleet() {
        TestDevices a = device("a").label("site", "north").condition(DeviceConditions.CONNECTED, "True").score(80)
                .lastContact("2025-01-01T00:00:00Z");
        tallies.fleetChanged("ns/north", "ns", site("north"), List.of());
        assertThat(tallies.deviceChanged(a.build())).containsExactly("ns/north");

        a.lastContact("2025-01-01T00:01:00Z");
        assertThat(tallies.deviceChanged(a.build())).isEmpty();

        a.score(79);
        assertThat(tallies.deviceChanged(a.build())).containsExactly("ns/north");
    }

    @Test
    void unselectedDeviceChangesNoFleet() {
        tallies.fleetChanged("ns/north", "ns", site("north"), List.of());

        assertThat(tallies.deviceChanged(device("b").label("site", "south").build())).isEmpty();
        assertThat(tallies.deviceChanged(device("elsewhere", "c").label("site", "north").build())).isEmpty();
    }

    @Test
    void fleetWithoutSelectorSelectsNothing() {
        CpeDevice a = device("a").label("site", "north").build();
        tallies.fleetChanged("ns/none", "ns", null, List.of(a));

        assertThat(tallies.deviceChanged(a)).isEmpty();
        assertThat(tallies.snapshot("ns/none", null, 5).orElseThrow().total()).isZero();
    }

    @Test
    void selectorChangeRebuildsAndDeletionForgets() {
        List<CpeDevice> devices = List.of(device("a").label("site", "north").build(),
                device("b").label("site", "south").build(), device("c").label("site", "south").build());
        tallies.fleetChanged("ns/f", "ns", site("north"), devices);

        tallies.fleetChanged("ns/f", "ns", site("south"), devices);

        assertThat(tallies.snapshot("ns/f", null, 5).orElseThrow().total()).isEqualTo(2);
        assertThat(tallies.isMember("ns/f", "ns/a")).isFalse();
        tallies.fleetDeleted("ns/f");
        assertThat(tallies.snapshot("ns/f", null, 5)).isEmpty();
        assertThat(tallies.deviceChanged(devices.get(1))).isEmpty();
        assertThat(tallies.snapshot("ns/unknown", null, 5)).isEmpty();
    }

    @Test
    void deletedDeviceLeavesItsFleets() {
        CpeDevice a = device("a").label("site", "north").score(40).build();
        tallies.fleetChanged("ns/north", "ns", site("north"), List.of(a));
        tallies.fleetChanged("ns/all", "ns", new LabelSelector(), List.of(a));

        assertThat(tallies.deviceDeleted(a)).containsExactlyInAnyOrder("ns/north", "ns/all");
        assertThat(tallies.deviceDeleted(a)).isEmpty();
        assertThat(tallies.snapshot("ns/all", null, 5).orElseThrow()).isEqualTo(FleetAggregate.empty());
    }

    @Test
    void concurrentDeviceChangesEndWithExactCounts() throws Exception {
        int threads = 4;
        int devicesPerThread = 250;
        List<TestDevices> devices = new ArrayList<>();
        for (int i = 0; i < threads * devicesPerThread; i++) {
            devices.add(device("d" + i).label("site", i % 2 == 0 ? "north" : "south").score(i % 101)
                    .firmware("1." + (i % 4)).model("M" + (i % 5)));
        }
        List<CpeDevice> all = devices.stream().map(TestDevices::build).toList();
        tallies.fleetChanged("ns/north", "ns", site("north"), all);
        tallies.fleetChanged("ns/all", "ns", new LabelSelector(), all);

        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            Future<?> reader = pool.submit(() -> {
                while (running.get()) {
                    tallies.snapshot("ns/north", "1.0", 5).orElseThrow();
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * devicesPerThread;
                writers.add(pool.submit(() -> {
                    Random random = new Random(first);
                    for (int n = 0; n < 20_000; n++) {
                        TestDevices d = devices.get(first + random.nextInt(devicesPerThread));
                        d.label("site", random.nextBoolean() ? "north" : "south").score(random.nextInt(101))
                                .firmware("1." + random.nextInt(4))
                                .condition(DeviceConditions.CONNECTED, random.nextBoolean() ? "True" : "False");
                        if (random.nextInt(50) == 0) {
                            tallies.deviceDeleted(d.build());
                        } else {
                            tallies.deviceChanged(d.build());
                        }
                    }
                    for (int i = first; i < first + devicesPerThread; i++) {
                        tallies.deviceChanged(devices.get(i).build());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        FleetTallies rebuilt = new FleetTallies();
        rebuilt.fleetChanged("ns/north", "ns", site("north"), all);
        rebuilt.fleetChanged("ns/all", "ns", new LabelSelector(), all);
        for (String fleet : List.of("ns/north", "ns/all")) {
            assertThat(tallies.snapshot(fleet, "1.0", 3)).isEqualTo(rebuilt.snapshot(fleet, "1.0", 3));
        }
        assertThat(tallies.snapshot("ns/all", null, 3).orElseThrow().total()).isEqualTo(all.size());
        long north = all.stream().filter(d -> "north".equals(d.getMetadata().getLabels().get("site"))).count();
        assertThat(tallies.snapshot("ns/north", null, 3).orElseThrow().total()).isEqualTo((int) north);
    }

    private static LabelSelector site(String site) {
        return new LabelSelectorBuilder().addToMatchLabels("site", site).build();
    }
}
