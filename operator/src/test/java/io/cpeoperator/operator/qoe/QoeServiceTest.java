package io.cpeoperator.operator.qoe;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.qoe.report.ReportRephraser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** When a device is evaluated: on twin changes and finished re-reads, at most once per its interval. */
class QoeServiceTest {

    private final QoeHome home = QoeHome.connected(QoeHome.tr181());
    private final DeviceId id = home.identity.id();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QoeService service = new QoeService(home.gateway.twins(), ReportRephraser.none(), home.clock,
            Duration.ofSeconds(30), registry);
    private final List<DeviceId> lookAgain = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        service.close();
    }

    private double evaluations() {
        return registry.get("cpe.qoe.evaluations").counter().count();
    }

    @Test
    void aChangeInsideTheIntervalIsEvaluatedWhenItEndsNotDropped() {
        service.lookAgain(lookAgain::add);
        QoeService.Evaluation first = service.evaluate(id, QoeThresholds.defaults());
        assertThat(first.assessment()).isPresent();
        assertThat(first.retryAfter()).isNull();

        // nothing changed: the last assessment, no work, no retry
        assertThat(service.evaluate(id, QoeThresholds.defaults()).retryAfter()).isNull();
        assertThat(evaluations()).isEqualTo(1);

        home.after(Duration.ofSeconds(5), Map.of(HomeTrees.CLIENT_5G_A + "SignalStrength", "-84"));
        assertThat(lookAgain).containsExactly(id); // the change asked for a look, once
        home.gateway.change(id, Map.of(HomeTrees.CLIENT_5G_B + "SignalStrength", "-83"));
        assertThat(lookAgain).hasSize(1);

        QoeService.Evaluation early = service.evaluate(id, QoeThresholds.defaults());
        assertThat(early.assessment().orElseThrow().findings()).isEmpty();
        // 30 s after the first evaluation, plus this device's fixed spread of at most 7.5 s, less the 5 s gone by
        assertThat(early.retryAfter()).isBetween(Duration.ofSeconds(25), Duration.ofMillis(32_500));

        home.clock.advance(early.retryAfter());
        QoeService.Evaluation later = service.evaluate(id, QoeThresholds.defaults());
        assertThat(later.assessment().orElseThrow().topFinding().orElseThrow().code())
                .isEqualTo(FindingCodes.WIFI_WEAK_CLIENT_SIGNAL);
        assertThat(service.latest(id)).contains(later.assessment().get());
        assertThat(evaluations()).isEqualTo(2);
    }

    @Test
    void aFinishedReReadIsEvaluatedEvenWhenNoValueChanged() {
        service.lookAgain(lookAgain::add);
        service.evaluate(id, QoeThresholds.defaults());
        home.clock.advance(Duration.ofMinutes(1));

        service.telemetryArrived(id);
        assertThat(lookAgain).containsExactly(id);
        service.evaluate(id, QoeThresholds.defaults());
        assertThat(evaluations()).isEqualTo(2);
    }

    @Test
    void aFindingIsCountedWhenItAppearsNotOnEveryEvaluation() {
        service.evaluate(id, QoeThresholds.defaults());
        for (int i = 1; i <= 3; i++) {
            home.after(Duration.ofMinutes(1), Map.of(HomeTrees.CLIENT_5G_A + "SignalStrength", "-8" + i));
            service.evaluate(id, QoeThresholds.defaults());
        }
        assertThat(evaluations()).isEqualTo(4);
        assertThat(registry.get("cpe.qoe.findings").tag("code", FindingCodes.WIFI_WEAK_CLIENT_SIGNAL).counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("cpe.qoe.score").summary().count()).isEqualTo(4);
    }

    @Test
    void aDeviceWithoutATwinHasNoAssessment() {
        assertThat(service.evaluate(DeviceId.usp("os::nobody"), QoeThresholds.defaults()).assessment()).isEmpty();
    }
}
