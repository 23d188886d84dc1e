package io.cpeoperator.operator.kube;

import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecorderTest {

    private static final String NS = "events";
    private static EmbeddedKubernetes kubernetes;
    private static EventRecorder events;

    @BeforeAll
    static void start() {
        kubernetes = EmbeddedKubernetes.start();
        kubernetes.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata()
                .build()).create();
        events = new EventRecorder(kubernetes.client(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        kubernetes.close();
    }

    @Test
    void aTransitionAnnouncedTwiceIsOneEventAndOrdinaryEventsAreEachTheirOwn() {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName("north").withNamespace(NS).withUid("uid-1").build());

        events.recordOnce(fleet, EventRecorder.Type.Normal, "RolloutWaveStarted", "Wave 2 of 3 started.", "9.5.0/2");
        events.recordOnce(fleet, EventRecorder.Type.Normal, "RolloutWaveStarted", "Wave 2 of 3 started.", "9.5.0/2");
        events.recordOnce(fleet, EventRecorder.Type.Normal, "RolloutWaveStarted", "Wave 3 of 3 started.", "9.5.0/3");
        events.normal(fleet, "RolloutResumed", "resumed");
        events.normal(fleet, "RolloutResumed", "resumed");

        List<Event> recorded = kubernetes.client().v1().events().inNamespace(NS).list().getItems();
        assertThat(recorded).extracting(Event::getReason).containsExactlyInAnyOrder("RolloutWaveStarted",
                "RolloutWaveStarted", "RolloutResumed", "RolloutResumed");
        assertThat(recorded).filteredOn(e -> e.getReason().equals("RolloutWaveStarted")).extracting(Event::getMessage)
                .containsExactlyInAnyOrder("Wave 2 of 3 started.", "Wave 3 of 3 started.");
    }
}
