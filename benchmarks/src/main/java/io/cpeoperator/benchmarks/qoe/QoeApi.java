package io.cpeoperator.benchmarks.qoe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads full assessments from the operator's {@code GET /api/v1/devices/{ns}/{name}/qoe}. */
final class QoeApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    QoeApi(int port) {
        this.port = port;
    }

    /** Empty when the device has not been evaluated (404). */
    Optional<Assessment> assessment(String namespace, String name) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/devices/" + namespace + "/" + name + "/qoe");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = json.readTree(response.body());
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : body.path("findings")) {
            findings.add(new Finding(f.path("code").asText(), f.path("severity").asText(),
                    f.path("message").asText()));
        }
        List<String> checks = new ArrayList<>();
        for (JsonNode factor : body.path("factors")) {
            for (JsonNode check : factor.path("checks")) {
                if (!"NOT_APPLICABLE".equals(check.path("state").asText())) {
                    checks.add(factor.path("factor").asText() + "." + check.path("check").asText() + " "
                            + check.path("state").asText() + (check.has("score") ? " " + check.path("score").asInt()
                            : "") + ": " + check.path("observation").asText());
                }
            }
        }
        return Optional.of(new Assessment(body.path("verdict").asText(), body.path("evaluatedAt").asText(),
                findings, checks));
    }

    record Finding(String code, String severity, String message) {
        boolean serious() {
            return "Warning".equals(severity) || "Critical".equals(severity);
        }
    }

    /** @param checks every check that applies, as {@code factor.check STATE score: observation} */
    record Assessment(String verdict, String evaluatedAt, List<Finding> findings, List<String> checks) {
    }
}
