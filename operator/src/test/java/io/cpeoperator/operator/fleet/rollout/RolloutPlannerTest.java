package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutPlannerTest {

    private static final String V = "9.0.0";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aNewRolloutAdmitsTheFirstWaveAndAnnouncesIt() {
        RolloutPlan plan = plan(fleet(100, 0, 0, 0), policy(List.of(2, 20, 100), "PT0S"), null, NOW);

        assertThat(plan.admit()).hasSize(2);
        assertThat(plan.status().getState()).isEqualTo(RolloutPlanner.PROGRESSING);
        assertThat(plan.status().getWave()).isEqualTo(1);
        assertThat(plan.status().getWaves()).isEqualTo(3);
        assertThat(plan.status().getInProgress()).isEqualTo(2);
        assertThat(plan.status().getPending()).isEqualTo(98);
        assertThat(plan.events()).extracting(RolloutPlan.Announcement::reason).containsExactly("RolloutWaveStarted");
    }

    @Test
    void aWaveEndsWhenItsDevicesAreUpgradedAndJudgedAndTheNextStartsAfterThePause() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT10M");
        RolloutStatus wave1 = plan(fleet(100, 0, 0, 0), policy, null, NOW).status();

        List<Member> afterWave1 = fleet(98, 0, 2, 0);
        RolloutPlan done = plan(afterWave1, policy, wave1, NOW.plusSeconds(60));
        assertThat(done.status().getReason()).isEqualTo(RolloutPlanner.REASON_BETWEEN_WAVES);
        assertThat(done.status().getWaveCompletedTime()).isNotNull();
        assertThat(done.admit()).isEmpty();
        assertThat(done.events()).extracting(RolloutPlan.Announcement::reason).containsExactly("RolloutWaveCompleted");

        RolloutPlan next = plan(afterWave1, policy, done.status(), NOW.plusSeconds(60 + 600));
        assertThat(next.status().getWave()).isEqualTo(2);
        assertThat(next.events()).extracting(RolloutPlan.Announcement::reason).containsExactly("RolloutWaveStarted");
        // the next look admits wave 2's devices, no more than maxUnavailable (10 % of 100) at once
        RolloutPlan admitting = plan(afterWave1, policy, next.status(), NOW.plusSeconds(661));
        assertThat(admitting.admit()).hasSize(10);
    }

    @Test
    void anUpgradedDeviceNotYetJudgedHoldsItsWave() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        RolloutStatus wave1 = plan(fleet(100, 0, 0, 0), policy, null, NOW).status();
        List<Member> members = fleet(98, 0, 1, 0);
        members.add(member("unjudged", Standing.UPDATED, true, "M", NOW, null, null, Set.of()));

        RolloutPlan plan = plan(members, policy, wave1, NOW.plusSeconds(30));
        assertThat(plan.status().getWave()).isEqualTo(1);
        assertThat(plan.status().getMessage()).contains("to have their QoE judged").contains("unjudged");
    }

    @Test
    void failuresBeyondTheBudgetPauseTheRolloutInsideItsWaveNamingTheDevices() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        RolloutStatus wave1 = plan(fleet(500, 0, 0, 0), policy, null, NOW).status();
        List<Member> members = fleet(490, 5, 3, 0);
        members.add(failed("loop-1", "rebooted on its own"));
        members.add(failed("loop-2", "rebooted on its own"));

        RolloutPlan plan = plan(members, policy, wave1, NOW.plusSeconds(30));
        assertThat(plan.status().getState()).isEqualTo(RolloutPlanner.PAUSED);
        assertThat(plan.status().getReason()).isEqualTo(RolloutPlanner.REASON_FAILURE_BUDGET);
        assertThat(plan.status().getMessage()).contains("2 device(s) failed on 9.0.0, more than the 1")
                .contains("loop-1 (rebooted on its own)");
        assertThat(plan.admit()).isEmpty();
        assertThat(plan.events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("RolloutPaused");
            assertThat(e.warning()).isTrue();
        });
        // the same facts again: no second Event
        assertThat(plan(members, policy, plan.status(), NOW.plusSeconds(40)).events()).isEmpty();
    }

    @Test
    void whenNoDeviceCouldInstallTheVersionTheRolloutFailed() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        List<Member> members = fleet(490, 0, 0, 0);
        for (int i = 0; i < 10; i++) {
            members.add(failed("bad-" + i, "download or install failed with fault 9010 (Download failure)"));
        }
        RolloutPlan plan = plan(members, policy, null, NOW);
        assertThat(plan.status().getState()).isEqualTo(RolloutPlanner.FAILED);
        assertThat(plan.status().getReason()).isEqualTo(RolloutPlanner.REASON_FAILED_EVERYWHERE);

        // devices that installed the version and then looped: a pause with the evidence, not "could not install"
        List<Member> looping = fleet(490, 0, 0, 0);
        for (int i = 0; i < 10; i++) {
            looping.add(failed("loop-" + i, "rebooted on its own"));
        }
        assertThat(plan(looping, policy, null, NOW).status().getReason())
                .isEqualTo(RolloutPlanner.REASON_FAILURE_BUDGET);
    }

    @Test
    void theQoeGuardPausesWhenUpgradedDevicesScoreWorseThanTheirModel() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(member("old-" + i, Standing.PENDING, false, "NL-AX3000", null, NOW, 88, Set.of()));
        }
        for (int i = 0; i < 4; i++) {
            members.add(member("new-" + i, Standing.UPDATED, true, "NL-AX3000", NOW.minusSeconds(60), NOW, 52,
                    Set.of("WifiHighNoise")));
        }
        RolloutPlan plan = plan(members, policy, null, NOW);
        assertThat(plan.status().getState()).isEqualTo(RolloutPlanner.PAUSED);
        assertThat(plan.status().getReason()).isEqualTo(RolloutPlanner.REASON_QOE_GUARD);
        assertThat(plan.status().getMessage()).contains("36 points lower")
                .contains("NL-AX3000: 52 on 4 upgraded device(s) against 88 on 40 other(s)");
        assertThat(plan.admit()).isEmpty();
    }

    @Test
    void theQoeGuardComparesWithinAModelAndCatchesANewFinding() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        List<Member> members = new ArrayList<>();
        // model B scores lower anyway: no drop within the model
        for (int i = 0; i < 20; i++) {
            members.add(member("a-" + i, Standing.PENDING, false, "A", null, NOW, 90, Set.of()));
            members.add(member("b-" + i, Standing.PENDING, false, "B", null, NOW, 60, Set.of()));
        }
        for (int i = 0; i < 4; i++) {
            members.add(member("nb-" + i, Standing.UPDATED, true, "B", NOW.minusSeconds(60), NOW, 58, Set.of()));
        }
        assertThat(plan(members, policy, null, NOW).status().getState()).isEqualTo(RolloutPlanner.PROGRESSING);

        members.replaceAll(m -> m.name().startsWith("nb-") ? member(m.name(), Standing.UPDATED, true, "B",
                NOW.minusSeconds(60), NOW, 58, Set.of("CpuOverload")) : m);
        RolloutPlan plan = plan(members, policy, null, NOW);
        assertThat(plan.status().getReason()).isEqualTo(RolloutPlanner.REASON_QOE_GUARD);
        assertThat(plan.status().getMessage()).contains("CpuOverload is on 4 of 4 upgraded device(s)");
    }

    @Test
    void pausedBySpecHoldsEverythingAndResumingIsAnnounced() {
        RolloutSpec spec = new RolloutSpec();
        spec.setWaves(List.of(2, 20, 100));
        spec.setPaused(true);
        RolloutPlan paused = plan(fleet(100, 0, 0, 0), RolloutPolicy.from(spec).policy(), null, NOW);
        assertThat(paused.admit()).isEmpty();
        assertThat(paused.status().getReason()).isEqualTo(RolloutPlanner.REASON_PAUSED_BY_SPEC);

        spec.setPaused(false);
        RolloutPlan resumed = plan(fleet(100, 0, 0, 0), RolloutPolicy.from(spec).policy(), paused.status(), NOW);
        assertThat(resumed.admit()).hasSize(2);
        assertThat(resumed.events()).extracting(RolloutPlan.Announcement::reason).containsExactly("RolloutResumed");
    }

    @Test
    void aLookWithTheStoredStatusResumesTheSameWaveAndAdmitsNobodyTwice() {
        RolloutPolicy policy = policy(List.of(2, 20, 100), "PT0S");
        RolloutStatus stored = new RolloutStatus();
        stored.setTargetVersion(V);
        stored.setWave(2);
        stored.setWaves(3);
        stored.setState(RolloutPlanner.PROGRESSING);
        stored.setReason(RolloutPlanner.REASON_WAVE_IN_PROGRESS);
        stored.setWaveStartedTime("2026-12-06T09:00:00Z");
        // 2 from wave 1 done, 10 of wave 2 upgrading: room for nothing more (maxUnavailable 10)
        List<Member> members = fleet(88, 10, 2, 0);
        RolloutPlan plan = plan(members, policy, stored, NOW);
        assertThat(plan.status().getWave()).isEqualTo(2);
        assertThat(plan.admit()).isEmpty();
        assertThat(plan.events()).isEmpty();
        // without a stored status the wave is derived from the devices: the same wave
        assertThat(plan(members, policy, null, NOW).status().getWave()).isEqualTo(2);
    }

    @Test
    void theLastWaveCompletesTheRollout() {
        RolloutPolicy policy = policy(List.of(50, 100), "PT0S");
        RolloutStatus last = new RolloutStatus();
        last.setTargetVersion(V);
        last.setWave(2);
        last.setState(RolloutPlanner.PROGRESSING);
        last.setReason(RolloutPlanner.REASON_WAVE_IN_PROGRESS);
        RolloutPlan plan = plan(fleet(0, 0, 9, 0), policy, last, NOW);
        assertThat(plan.status().getState()).isEqualTo(RolloutPlanner.COMPLETED);
        assertThat(plan.status().getProgress()).isEqualTo("Completed 9/9");
        assertThat(plan.events()).extracting(RolloutPlan.Announcement::reason)
                .containsExactly("RolloutWaveCompleted", "RolloutCompleted");
    }

    private static RolloutPlan plan(List<Member> members, RolloutPolicy policy, RolloutStatus previous, Instant now) {
        return RolloutPlanner.plan(V, members, policy, previous, m -> null, now);
    }

    private static RolloutPolicy policy(List<Integer> waves, String pause) {
        RolloutSpec spec = new RolloutSpec();
        spec.setWaves(waves);
        spec.setPauseBetweenWaves(pause);
        return RolloutPolicy.from(spec).policy();
    }

    /** Pending, in-flight, updated (judged) and failed devices of one model. */
    private static List<Member> fleet(int pending, int inFlight, int updated, int failed) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            members.add(member("p-" + i, Standing.PENDING, false, "M", null, null, 80, Set.of()));
        }
        for (int i = 0; i < inFlight; i++) {
            members.add(member("f-" + i, Standing.IN_FLIGHT, true, "M", null, null, 80, Set.of()));
        }
        for (int i = 0; i < updated; i++) {
            members.add(member("u-" + i, Standing.UPDATED, true, "M", NOW.minusSeconds(120), NOW.minusSeconds(60), 80,
                    Set.of()));
        }
        for (int i = 0; i < failed; i++) {
            members.add(failed("x-" + i, "failed"));
        }
        return members;
    }

    private static Member failed(String name, String why) {
        return new Member(device(name), Standing.FAILED, true, "M", why, !why.startsWith("download"), null, null,
                null, Set.of());
    }

    private static Member member(String name, Standing standing, boolean admitted, String model, Instant settledAt,
                                 Instant judgedAt, Integer score, Set<String> findings) {
        return new Member(device(name), standing, admitted, model, null, standing == Standing.UPDATED, settledAt,
                judgedAt, score, findings);
    }

    private static CpeDevice device(String name) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        return device;
    }
}
