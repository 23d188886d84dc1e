package io.cpeoperator.operator.qoe.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewords reports through an OpenAI-compatible chat-completions endpoint ({@code POST {url}/chat/completions}).
 * Off the evaluation path: an evaluation gets the last rewording made for the same meaning (grade and finding codes)
 * or, until one arrives, the deterministic text; a request is sent only when the meaning changed, at most
 * {@value #MAX_IN_FLIGHT} at once, and its answer is accepted only if every number in it appears in the
 * deterministic report (a model must not invent figures). A failure or a timeout keeps the deterministic text and is
 * not retried for the same meaning for ten minutes.
 */
public final class OpenAiReportRephraser implements ReportRephraser {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiReportRephraser.class);
    static final int MAX_IN_FLIGHT = 4;
    static final int MAX_ANSWER_CHARS = 2000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final String INSTRUCTION = "You rewrite a home router's health report for an ISP support agent. "
            + "Keep every number, unit and fact exactly as given; add no facts, no numbers and no advice that is not "
            + "in the report. Lead with what matters most. At most 90 words, plain prose, no lists.";

    private record Rewording(String meaning, String text) {
    }

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<DeviceId, Rewording> done = new ConcurrentHashMap<>();
    private final Set<DeviceId> pending = ConcurrentHashMap.newKeySet();
    private final Cache<String, Boolean> failedRecently = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Counter accepted;
    private final Counter rejected;
    private final Counter failed;
    private volatile Consumer<DeviceId> onReady = id -> { };

    /** @param baseUrl e.g. {@code https://api.openai.com/v1} (no trailing slash) */
    public OpenAiReportRephraser(String baseUrl, String model, String apiKey, Duration timeout,
                                 MeterRegistry registry) {
        this.endpoint = URI.create(baseUrl + "/chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.executor = Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
            Thread thread = new Thread(r, "qoe-report-rephraser");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(executor).build();
        this.accepted = outcome(registry, "accepted");
        this.rejected = outcome(registry, "rejected");
        this.failed = outcome(registry, "failed");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("cpe.qoe.report.rephrasings").tag("outcome", outcome)
                .description("Reports sent to the LLM endpoint, by outcome (rejected: it changed a number)")
                .register(registry);
    }

    /** Called with the device whose rewording just arrived, so its status can be written again. */
    @Override
    public void onReady(Consumer<DeviceId> callback) {
        this.onReady = callback;
    }

    @Override
    public String rephrase(DeviceId id, QoeAssessment assessment) {
        String meaning = meaning(assessment);
        Rewording last = done.get(id);
        if (last != null && last.meaning().equals(meaning)) {
            return last.text();
        }
        String key = id + "|" + meaning;
        if (failedRecently.getIfPresent(key) == null && !pending.contains(id) && inFlight.tryAcquire()) {
            pending.add(id);
            send(id, meaning, key, assessment.report());
        }
        return assessment.report();
    }

    private void send(DeviceId id, String meaning, String key, String report) {
        try {
            String body = json.writeValueAsString(Map.of("model", model, "temperature", 0, "messages", List.of(
                    Map.of("role", "system", "content", INSTRUCTION), Map.of("role", "user", "content", report))));
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (!apiKey.isEmpty()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, error) -> {
                        try {
                            answered(id, meaning, key, report, response, error);
                        } finally {
                            pending.remove(id);
                            inFlight.release();
                        }
                    });
        } catch (Exception e) {
            pending.remove(id);
            inFlight.release();
            fail(key, e.toString());
        }
    }

    private void answered(DeviceId id, String meaning, String key, String report, HttpResponse<String> response,
                          Throwable error) {
        if (error != null || response.statusCode() / 100 != 2) {
            fail(key, error != null ? error.toString() : "HTTP " + response.statusCode());
            return;
        }
        String text;
        try {
            JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
            text = content.isTextual() ? content.asText().trim() : "";
        } catch (Exception e) {
            fail(key, "unreadable answer: " + e.getMessage());
            return;
        }
        if (text.isEmpty() || text.length() > MAX_ANSWER_CHARS || !sameNumbers(report, text)) {
            rejected.increment();
            failedRecently.put(key, Boolean.TRUE);
            LOG.debug("{}: reworded report rejected (empty, too long or with numbers not in the report)", id);
            return;
        }
        accepted.increment();
        done.put(id, new Rewording(meaning, text));
        onReady.accept(id);
    }

    private void fail(String key, String why) {
        failed.increment();
        failedRecently.put(key, Boolean.TRUE);
        LOG.debug("QoE report rewording failed, the deterministic report stays: {}", why);
    }

    /** Every number of the rewording appears in the original. */
    static boolean sameNumbers(String original, String rewording) {
        Set<String> allowed = numbers(original);
        return allowed.containsAll(numbers(rewording));
    }

    private static Set<String> numbers(String text) {
        Matcher matcher = NUMBER.matcher(text.replace('\u2212', '-'));
        Set<String> found = new HashSet<>();
        while (matcher.find()) {
            found.add(matcher.group().replaceFirst("^-", ""));
        }
        return found;
    }

    /** What the report means, without its fast-moving numbers: grade and finding codes. */
    static String meaning(QoeAssessment assessment) {
        return assessment.verdict() + "/" + assessment.grade().map(Enum::name).orElse("-") + "/"
                + assessment.findings().stream().map(Finding::code).collect(Collectors.joining(","));
    }

    @Override
    public void forget(DeviceId id) {
        done.remove(id);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
