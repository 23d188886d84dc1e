package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.CpeAuthenticator;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.RECEIVED;
import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.T0;
import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The collector over real HTTP on 127.0.0.1: answers, twin writes, identity rules, metrics. */
class BulkDataCollectorTest {

    private static final DeviceId A = DeviceId.cwmp("00D09E", "BM632w", "A0001");
    private static final DeviceId B = DeviceId.cwmp("00D09E", "BM632w", "B0002");
    private static final String BYTES_SENT = "Device.Ethernet.Interface.1.Stats.BytesSent";
    private static final TwinSchemaKey SCHEMA = new TwinSchemaKey("00D09E", "BM632w", "1.0");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(RECEIVED, ZoneOffset.UTC);
    private final ShardedTwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2), registry,
            clock);
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore()
            .putCpe("cpe-a", "secret-a", A)
            .putCpe("fleet", "shared-secret");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BulkDataCollector collector;
    private String base;

    @BeforeEach
    void start() throws Exception {
        collector = new BulkDataCollector(BulkDataCollectorConfig.defaults().withListener("127.0.0.1", 0)
                .withLimits(BulkDataLimits.defaults().withMaxBodyBytes(64 * 1024, 1 << 20)),
                twins, new BulkDataTokens(),
                DeviceCredentials.of(new CpeAuthenticator(credentials, AuthMode.OPEN, "cpe-operator", clock)),
                registry, clock);
        collector.start();
        base = "http://127.0.0.1:" + collector.httpPort();
        for (DeviceId device : List.of(A, B)) {
            twins.applySnapshot(device, SCHEMA, List.of(ParameterValue.of(BYTES_SENT, "1"),
                    ParameterValue.of("Device.DeviceInfo.UpTime", "10")), T0.minusSeconds(3_600));
        }
    }

    @AfterEach
    void stop() {
        collector.close();
    }

    @Test
    void severalReportsArePostedToATokenUrlAndWrittenWithTheirOwnTimes() throws Exception {
        HttpResponse<String> response = post(collector.profilePath(A), resource("name-value-pair.json"),
                "application/json; charset=UTF-8", null, "NameValuePair", null);

        assertThat(response.statusCode()).isEqualTo(204);
        TwinParameter sent = twins.get(A, BYTES_SENT).orElseThrow();
        assertThat(sent.value()).as("the newer of the two reports").isEqualTo("7690000");
        assertThat(sent.observedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(twins.get(A, "Device.WiFi.Radio.1.Enable").orElseThrow().value()).isEqualTo("false");
        assertThat(twins.get(B, BYTES_SENT).orElseThrow().value()).as("B untouched").isEqualTo("1");
        assertThat(counter("cpe.bulkdata.reports", "outcome", "accepted")).isEqualTo(2);
        assertThat(counter("cpe.bulkdata.parameters", "protocol", "http")).isEqualTo(10);
    }

    @Test
    void anOlderReportDoesNotOverwriteANewerValue() throws Exception {
        twins.applyUpdates(A, List.of(ParameterValue.of(BYTES_SENT, "9999999")), T0.plusSeconds(600));
        assertThat(post(collector.profilePath(A), resource("name-value-pair.json"), "application/json", null, null,
                null).statusCode()).isEqualTo(204);
        assertThat(twins.get(A, BYTES_SENT).orElseThrow().value()).isEqualTo("9999999");
        assertThat(twins.get(A, "Device.DeviceInfo.ProcessStatus.CPUUsage").orElseThrow().value())
                .as("paths the twin had no newer value of are written").isEqualTo("3.5");
        assertThat(counter("cpe.bulkdata.parameters.ignored", "cause", "superseded")).isEqualTo(2);
    }

    @Test
    void gzipAndDeflateBodiesAreAccepted() throws Exception {
        byte[] csv = resource("parameter-per-row.csv");
        assertThat(post(collector.profilePath(A), BulkDataFixtures.gzip(csv), "text/csv; charset=UTF-8; "
                + "header=present", "gzip", "\"ParameterPerRow\"", null).statusCode()).isEqualTo(204);
        assertThat(twins.get(A, "Device.MoCA.Interface.1.Stats.BroadPktSent").orElseThrow().value())
                .isEqualTo("25300");
        byte[] json = resource("object-hierarchy.json");
        assertThat(post(collector.profilePath(B), BulkDataFixtures.deflate(json, true), "application/json",
                "deflate", "ObjectHierarchy", null).statusCode()).isEqualTo(204);
        assertThat(twins.get(B, "Device.MoCA.Interface.2.Stats.BytesReceived").orElseThrow().value())
                .isEqualTo("900543250");
    }

    @Test
    void aZipBombAndAnOversizedBodyAre413AndLeaveTheTwinUntouched() throws Exception {
        List<TwinParameter> before = twins.read(A, "Device.");
        assertThat(post(collector.profilePath(A), BulkDataFixtures.gzipBomb(16 << 20), "application/json", "gzip",
                null, null).statusCode()).isEqualTo(413);
        assertThat(post(collector.profilePath(A), new byte[100 * 1024], "application/json", null, null, null)
                .statusCode()).isEqualTo(413);
        assertThat(twins.read(A, "Device.")).isEqualTo(before);
        assertThat(counter("cpe.bulkdata.rejections", "reason", "oversized")).isEqualTo(2);
    }

    @Test
    void malformedJsonAndCsvAre400AndWriteNothing() throws Exception {
        List<TwinParameter> before = twins.read(A, "Device.");
        String goodThenBad = "{\"Report\":[{\"CollectionTime\":" + (T0.getEpochSecond() + 60) + ",\"" + BYTES_SENT
                + "\":5},{\"CollectionTime\":\"not a time\"}]}";
        HttpResponse<String> json = post(collector.profilePath(A), goodThenBad.getBytes(StandardCharsets.UTF_8),
                "application/json", null, null, null);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).doesNotContain("Exception").doesNotContain("at io.");
        String csv = "ReportTimestamp,ParameterName,ParameterValue\n1795600860," + BYTES_SENT + ",5\n1,2\n";
        assertThat(post(collector.profilePath(A), csv.getBytes(StandardCharsets.UTF_8), "text/csv", null, null, null)
                .statusCode()).isEqualTo(400);
        assertThat(twins.read(A, "Device.")).isEqualTo(before);
        assertThat(post(collector.profilePath(A), "{}".getBytes(StandardCharsets.UTF_8), "application/xml", null,
                null, null).statusCode()).isEqualTo(415);
    }

    @Test
    void theTokenDecidesTheDeviceWhateverTheBodyOrUriSay() throws Exception {
        String claimsB = "{\"Report\":[{\"CollectionTime\":" + (T0.getEpochSecond() + 60)
                + ",\"Device.DeviceInfo.SerialNumber\":\"B0002\",\"" + BYTES_SENT + "\":42}]}";
        assertThat(post(collector.profilePath(A), claimsB.getBytes(StandardCharsets.UTF_8), "application/json",
                null, null, null).statusCode()).isEqualTo(204);
        assertThat(twins.get(A, BYTES_SENT).orElseThrow().value()).isEqualTo("42");
        assertThat(twins.get(B, BYTES_SENT).orElseThrow().value()).isEqualTo("1");

        assertThat(post(collector.profilePath(A) + "?oui=00D09E&pc=BM632w&sn=B0002",
                claimsB.getBytes(StandardCharsets.UTF_8), "application/json", null, null, null).statusCode())
                .as("URI naming another device than the token").isEqualTo(403);
        assertThat(post(collector.profilePath(A) + "?oui=00D09E&pc=BM632w&sn=A0001",
                claimsB.getBytes(StandardCharsets.UTF_8), "application/json", null, null, null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void unknownAndRevokedTokensAre404AndADeviceWithoutTwinToo() throws Exception {
        byte[] body = resource("name-value-pair.json");
        assertThat(post("/bulkdata/" + "x".repeat(43), body, "application/json", null, null, null).statusCode())
                .isEqualTo(404);
        String path = collector.profilePath(B);
        collector.tokens().revoke(B);
        assertThat(post(path, body, "application/json", null, null, null).statusCode()).isEqualTo(404);
        DeviceId stranger = DeviceId.cwmp("00D09E", "BM632w", "C0003");
        assertThat(post(collector.profilePath(stranger), body, "application/json", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(twins.contains(stranger)).isFalse();
        assertThat(counter("cpe.bulkdata.rejections", "reason", "unknown-token")).isEqualTo(2);
        assertThat(counter("cpe.bulkdata.rejections", "reason", "unknown-device")).isEqualTo(1);
    }

    @Test
    void aDeviceCredentialNamesItsDeviceAndWrongOrSharedOnesDoNot() throws Exception {
        byte[] body = resource("object-hierarchy.json");
        HttpResponse<String> none = post("/bulkdata", body, "application/json", null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Digest realm=\"cpe-operator\""));
        assertThat(post("/bulkdata", body, "application/json", null, null, basic("cpe-a", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(post("/bulkdata?oui=00D09E&pc=BM632w&sn=B0002", body, "application/json", null, null,
                basic("fleet", "shared-secret")).statusCode()).as("a shared credential names no device")
                .isEqualTo(403);
        assertThat(post("/bulkdata?oui=00D09E&pc=BM632w&sn=B0002", body, "application/json", null, null,
                basic("cpe-a", "secret-a")).statusCode()).as("A's credential, B's URI").isEqualTo(403);
        assertThat(twins.get(B, "Device.DeviceInfo.UpTime").orElseThrow().value()).isEqualTo("10");

        assertThat(post("/bulkdata?oui=00D09E&pc=BM632w&sn=A0001", body, "application/json", null, null,
                basic("cpe-a", "secret-a")).statusCode()).isEqualTo(204);
        assertThat(twins.get(A, "Device.DeviceInfo.UpTime").orElseThrow().value()).isEqualTo("86400");
        assertThat(counter("cpe.bulkdata.rejections", "reason", "unauthenticated")).isEqualTo(2);
        assertThat(counter("cpe.bulkdata.rejections", "reason", "device-mismatch")).isEqualTo(2);
        assertThat(counter("cpe.bulkdata.reports", "outcome", "rejected")).isEqualTo(4);
    }

    @Test
    void otherMethodsAre405AndOtherPathsAreNotOurs() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + collector.profilePath(A)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST, PUT");
        assertThat(post("/other", new byte[1], "application/json", null, null, null).statusCode()).isEqualTo(404);
        assertThat(post("/bulkdata/a/b", new byte[1], "application/json", null, null, null).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType, String contentEncoding,
                                      String reportFormat, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        if (reportFormat != null) {
            request.header("BBF-Report-Format", reportFormat);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private double counter(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
