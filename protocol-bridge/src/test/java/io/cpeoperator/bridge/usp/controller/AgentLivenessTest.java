package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The liveness sweep's rules on sessions alone, with a clock the test moves. */
class AgentLivenessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AgentSessions sessions = new AgentSessions(100, 100, 100);
    private final DeviceEventBus events = new DeviceEventBus();
    private final RecordingListener recorded = new RecordingListener();
    private final AgentLiveness liveness = new AgentLiveness(sessions, events,
            new UspMetrics(new SimpleMeterRegistry()), clock, Duration.ofSeconds(750));

    AgentLivenessTest() {
        events.subscribe(recorded);
    }

    private AgentSession connected(String endpointId, boolean heartbeatExpected) {
        AgentSession session = sessions.findOrCreate(endpointId, "1.3", System.nanoTime()).orElseThrow();
        session.route(new MtpRoute() {
            @Override
            public void send(byte[] record) {
            }

            @Override
            public String address() {
                return "mqtt:usp/agent/" + endpointId;
            }

            @Override
            public Optional<String> transportEndpointId() {
                return Optional.empty();
            }
        });
        session.connected(true);
        session.heartbeatExpected(heartbeatExpected);
        session.heard(clock.millis());
        return session;
    }

    @Test
    void aHeartbeatAgentSilentPastTheGraceIsReportedDisconnectedOnce() {
        AgentSession beating = connected("os::1-BEAT", true);
        AgentSession silent = connected("os::1-SILENT", true);

        clock.advance(Duration.ofSeconds(700));
        beating.heard(clock.millis());
        assertThat(liveness.sweep()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(liveness.sweep()).isEqualTo(1);

        assertThat(silent.isConnected()).isFalse();
        assertThat(beating.isConnected()).isTrue();
        DeviceEvent.Disconnected disconnected = recorded.of(silent.deviceId(), DeviceEvent.Disconnected.class).get(0);
        assertThat(disconnected.reason()).isEqualTo("no Periodic! notification for 760 s");
        assertThat(disconnected.at()).isEqualTo(clock.instant());
        // reported once, however long the silence lasts
        clock.advance(Duration.ofHours(1));
        liveness.sweep();
        assertThat(recorded.of(silent.deviceId(), DeviceEvent.Disconnected.class)).hasSize(1);
        assertThat(recorded.of(beating.deviceId(), DeviceEvent.Disconnected.class)).hasSize(1);
    }

    @Test
    void aRecordFromAnAgentReportedSilentSaysItIsBack() {
        AgentSession session = connected("os::1-BACK", true);
        assertThat(session.heard(clock.millis())).isFalse();
        clock.advance(Duration.ofSeconds(751));
        assertThat(liveness.sweep()).isEqualTo(1);
        assertThat(session.heard(clock.millis())).isTrue();
        assertThat(session.heard(clock.millis())).isFalse();
    }

    @Test
    void agentsWithoutAHeartbeatOrAlreadyDisconnectedAreNeverReported() {
        AgentSession refused = connected("os::1-NOBEAT", false);
        AgentSession gone = connected("os::1-GONE", true);
        gone.connected(false); // it said so itself (DisconnectRecord), already reported
        clock.advance(Duration.ofDays(1));
        assertThat(liveness.sweep()).isZero();
        assertThat(refused.isConnected()).isTrue();
        assertThat(recorded.of(gone.deviceId(), DeviceEvent.Disconnected.class)).isEmpty();
    }
}
