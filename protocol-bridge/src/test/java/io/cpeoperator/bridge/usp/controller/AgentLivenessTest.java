package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The liveness sweep's rules on sessions alone, with a clock the test moves. */
class AgentLivenessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AgentSessions sessions = new AgentSessions(10_000, 100, 100);
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
    void aRegionGoingSilentNamesAFewAgentsAndSumsUpTheRestInOneLinePerSweep() {
        for (int agent = 0; agent < 1_000; agent++) {
            connected("os::1-NORTH-" + agent, true);
        }
        clock.advance(Duration.ofSeconds(10));
        for (int agent = 0; agent < 500; agent++) {
            connected("os::1-SOUTH-" + agent, true);
        }
        Logger logger = (Logger) LoggerFactory.getLogger(AgentLiveness.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            clock.advance(Duration.ofSeconds(741));
            assertThat(liveness.sweep()).isEqualTo(1_000);

            assertThat(lines.list).hasSize(AgentLiveness.NAMED_PER_MINUTE + 1);
            assertThat(lines.list.subList(0, AgentLiveness.NAMED_PER_MINUTE)).allSatisfy(line -> assertThat(
                    line.getFormattedMessage()).matches("usp:os::1-NORTH-\\d+ disconnected: no Periodic! .*"));
            assertThat(lines.list.get(AgentLiveness.NAMED_PER_MINUTE).getFormattedMessage())
                    .startsWith("... and 980 more agents went silent in this sweep (1000 in all;");
            // unnamed is not unreported: every agent still gets its event
            assertThat(recorded.of(DeviceId.usp("os::1-NORTH-999"), DeviceEvent.Disconnected.class)).hasSize(1);

            // the next sweep, within the same minute: the budget of names is spent, one line sums the sweep up
            lines.list.clear();
            clock.advance(Duration.ofSeconds(10));
            assertThat(liveness.sweep()).isEqualTo(500);
            assertThat(lines.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                    .startsWith("... and 500 more agents went silent in this sweep (500 in all;"));

            lines.list.clear();
            assertThat(liveness.sweep()).isZero();
            assertThat(lines.list).as("a quiet sweep writes nothing").isEmpty();
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
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
