package io.cpeoperator.operator.qoe.report;

import com.sun.net.httpserver.HttpServer;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.qoe.HomeTrees;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeHome;
import io.cpeoperator.operator.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The LLM rewording against a local stand-in for an OpenAI-compatible endpoint on 127.0.0.1. */
class OpenAiReportRephraserTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private HttpServer server;
    private OpenAiReportRephraser rephraser;

    private void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            String content = answer.get().replace("\"", "\\\"");
            byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        rephraser = new OpenAiReportRephraser("http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "test-model", "secret-key", Duration.ofSeconds(5), registry);
    }

    @AfterEach
    void stop() {
        if (rephraser != null) {
            rephraser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static QoeAssessment weakSignal() {
        return QoeHome.connected(QoeHome.tr181().weakClient(HomeTrees.CLIENT_5G_A, -84)).assess();
    }

    private double counted(String outcome) {
        return registry.get("cpe.qoe.report.rephrasings").tag("outcome", outcome).counter().count();
    }

    @Test
    void aRewordingWithTheSameNumbersIsShownOnceItArrives() throws Exception {
        start();
        QoeAssessment assessment = weakSignal();
        answer.set("One Wi-Fi client is weak at -84 dBm; move the router closer.");
        DeviceId id = DeviceId.parse("cwmp:00D09E-IGD-0001");
        List<DeviceId> ready = new CopyOnWriteArrayList<>();
        rephraser.onReady(ready::add);

        assertThat(rephraser.rephrase(id, assessment)).isEqualTo(assessment.report());
        Await.until(() -> ready, list -> list.contains(id), Duration.ofSeconds(10));
        assertThat(rephraser.rephrase(id, assessment)).isEqualTo(answer.get());
        assertThat(requests).singleElement().satisfies(body -> assertThat(body).contains("\"model\":\"test-model\"")
                .contains("-84").contains("auth=Bearer secret-key"));
        assertThat(counted("accepted")).isEqualTo(1);
    }

    @Test
    void aRewordingWithANumberNotInTheReportIsRejected() throws Exception {
        start();
        QoeAssessment assessment = weakSignal();
        answer.set("Seven clients are weak at -99 dBm.");
        DeviceId id = DeviceId.parse("cwmp:00D09E-IGD-0002");

        rephraser.rephrase(id, assessment);
        Await.until(() -> counted("rejected"), n -> n == 1.0, Duration.ofSeconds(10));
        assertThat(rephraser.rephrase(id, assessment)).isEqualTo(assessment.report());
        assertThat(requests).hasSize(1); // not asked again for the same meaning
    }

    @Test
    void aFailingEndpointLeavesTheDeterministicReport() throws Exception {
        start();
        status.set(500);
        answer.set("irrelevant");
        QoeAssessment assessment = weakSignal();
        DeviceId id = DeviceId.parse("cwmp:00D09E-IGD-0003");

        assertThat(rephraser.rephrase(id, assessment)).isEqualTo(assessment.report());
        Await.until(() -> counted("failed"), n -> n == 1.0, Duration.ofSeconds(10));
        assertThat(rephraser.rephrase(id, assessment)).isEqualTo(assessment.report());
    }

    @Test
    void theDefaultCallsNoNetwork() {
        QoeAssessment assessment = weakSignal();
        assertThat(ReportRephraser.none().rephrase(DeviceId.parse("cwmp:00D09E-IGD-0004"), assessment))
                .isEqualTo(assessment.report());
    }

    @Test
    void numbersAreComparedWhateverTheMinusSign() {
        assertThat(OpenAiReportRephraser.sameNumbers("weakest at -84 dBm, 3 of 7", "3 of 7 at \u221284 dBm"))
                .isTrue();
        assertThat(OpenAiReportRephraser.sameNumbers("weakest at -84 dBm", "weakest at -85 dBm")).isFalse();
    }
}
