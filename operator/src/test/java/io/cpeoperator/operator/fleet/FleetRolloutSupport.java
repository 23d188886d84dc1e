package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmissions;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;

/** What the simulated rollout tests share: devices, fleets, and looking at both. */
final class FleetRolloutSupport {

    private final SimulatedOperatorFixture fixture;
    private final List<DeviceId> ids = new ArrayList<>();

    FleetRolloutSupport(SimulatedOperatorFixture fixture, int cwmp, int usp) {
        this.fixture = fixture;
        for (int i = 0; i < cwmp; i++) {
            ids.add(SimulatedOperatorFixture.cwmpId(i));
        }
        for (int i = 0; i < usp; i++) {
            ids.add(SimulatedOperatorFixture.uspId(i));
        }
    }

    List<DeviceId> ids() {
        return ids;
    }

    /** Every device discovered, connected, synchronised and judged, and labelled {@code group=<its group>}. */
    void awaitReady(java.util.function.Function<DeviceId, String> group) {
        for (DeviceId id : ids) {
            String name = SimulatedOperatorFixture.nameOf(id);
            fixture.resources.await(name, d -> d.getStatus() != null && hasCondition(d, "Synced", "True", null)
                    && d.getStatus().getQoe() != null, Duration.ofSeconds(120));
            fixture.client.resources(CpeDevice.class).inNamespace(fixture.namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(
                            Map.of("metadata", Map.of("labels", Map.of("group", group.apply(id))))));
        }
    }

    CpeFleet createFleet(String name, String group, String version, RolloutSpec rollout) {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(fixture.namespace).build());
        CpeFleetSpec spec = new CpeFleetSpec();
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(Map.of("group", group));
        spec.setSelector(selector);
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl("http://fw.example.net/images/nl-ax3000-" + version + ".bin");
        spec.setFirmware(firmware);
        spec.setRollout(rollout);
        fleet.setSpec(spec);
        return fixture.client.resource(fleet).create();
    }

    static RolloutSpec rollout(List<Integer> waves, String pause, String settle) {
        RolloutSpec rollout = new RolloutSpec();
        rollout.setWaves(waves);
        rollout.setPauseBetweenWaves(pause);
        io.cpeoperator.api.v1alpha1.QoeGuardSpec guard = new io.cpeoperator.api.v1alpha1.QoeGuardSpec();
        guard.setSettleTime(settle);
        rollout.setQoeGuard(guard);
        return rollout;
    }

    void setPaused(String fleet, boolean paused) {
        fixture.client.resources(CpeFleet.class).inNamespace(fixture.namespace).withName(fleet)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(
                        Map.of("spec", Map.of("rollout", Map.of("paused", paused)))));
    }

    CpeFleet fleet(String name) {
        return fixture.client.resources(CpeFleet.class).inNamespace(fixture.namespace).withName(name).get();
    }

    CpeFleet awaitRollout(String name, Predicate<RolloutStatus> condition, Duration timeout) {
        try {
            return Await.until(() -> fleet(name), f -> f != null && f.getStatus() != null
                    && f.getStatus().getRollout() != null && condition.test(f.getStatus().getRollout()), timeout);
        } catch (AssertionError e) {
            CpeFleet last = fleet(name);
            throw new AssertionError("CpeFleet " + name + " did not get there; last status: "
                    + (last == null ? "(none)" : Serialization.asJson(last.getStatus())), e);
        }
    }

    /** Simulated devices (of {@code among}) that run {@code version}. */
    long running(String version, List<DeviceId> among) {
        return among.stream().filter(id -> version.equals(fixture.simulated(id).state().softwareVersion())).count();
    }

    /** Simulated devices (of {@code among}) that were ever asked to download an image. */
    long askedToDownload(List<DeviceId> among) {
        return among.stream().filter(id -> fixture.simulated(id).state().downloadRequests() > 0).count();
    }

    /** The most download requests any one device received. */
    int mostDownloadsOfOneDevice(List<DeviceId> among) {
        return among.stream().mapToInt(id -> fixture.simulated(id).state().downloadRequests()).max().orElse(0);
    }

    /** CpeDevices the fleet's rollout admitted. */
    long admitted(String fleet) {
        return fixture.client.resources(CpeDevice.class).inNamespace(fixture.namespace).list().getItems().stream()
                .filter(d -> RolloutAdmissions.annotation(d) != null && RolloutAdmissions.annotation(d)
                        .startsWith(fleet + "@"))
                .count();
    }

    List<String> fleetEventReasons(String fleet) {
        return fixture.events(fleet).stream().map(e -> e.getReason()).toList();
    }
}
