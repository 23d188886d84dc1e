package io.cpeoperator.bridge.twin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParametersQueryTest {

    private static final Instant SYNCED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T10:10:00Z");
    private static final DeviceId DEVICE = DeviceId.cwmp("00D09E", "BM632w", "SN1");
    private static final String NAME = "tenant-a/cpe-00d09e-sn1";

    private final ShardedTwinStore store = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2),
            new SimpleMeterRegistry(), Clock.systemUTC());
    private final ParametersQuery query = new ParametersQuery(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    ParametersQueryTest() {
        store.applySnapshot(DEVICE, new TwinSchemaKey("00D09E", "BM632w", "1.0"), List.of(
                new ParameterValue("Device.WiFi.Radio.1.Channel", "6", ParameterType.UNSIGNED_INT, true),
                new ParameterValue("Device.WiFi.SSID.1.SSID", "HomeNet", ParameterType.STRING, true),
                new ParameterValue("Device.WiFi.SSID.1.Status", "Up", ParameterType.UNKNOWN, false),
                new ParameterValue("Device.DeviceInfo.UpTime", "1", ParameterType.UNSIGNED_INT, false)), SYNCED);
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.WiFi.Radio.1.Channel", "11")),
                NOW.minusSeconds(60));
    }

    @Test
    void answersWithValuesTypesWritabilityTimesAndTheStaleList() throws Exception {
        ParametersQueryResult result = query.handle(NAME, DEVICE, "Device.WiFi.", "PT5M");
        assertThat(result.status()).isEqualTo(200);
        JsonNode body = json.readTree(json.writeValueAsString(((ParametersQueryResult.Ok) result).body()));

        assertThat(body.path("device").asText()).isEqualTo(NAME);
        assertThat(body.path("path").asText()).isEqualTo("Device.WiFi.");
        assertThat(body.path("maxAge").asText()).isEqualTo("PT5M");
        assertThat(body.path("readAt").asText()).isEqualTo("2026-11-25T10:10:00Z");
        assertThat(body.path("parameters")).hasSize(1);
        JsonNode channel = body.path("parameters").get(0);
        assertThat(channel.path("path").asText()).isEqualTo("Device.WiFi.Radio.1.Channel");
        assertThat(channel.path("value").asText()).isEqualTo("11");
        assertThat(channel.path("type").asText()).isEqualTo("xsd:unsignedInt");
        assertThat(channel.path("writable").asBoolean()).isTrue();
        assertThat(channel.path("observedAt").asText()).isEqualTo("2026-11-25T10:09:00Z");
        assertThat(body.path("stale")).extracting(JsonNode::asText)
                .containsExactly("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.1.Status");
        assertThat(fieldNames(body)).containsExactly("device", "path", "maxAge", "readAt", "parameters", "stale");
        assertThat(fieldNames(channel)).containsExactlyInAnyOrder("path", "value", "type", "writable", "observedAt");
    }

    @Test
    void withoutMaxAgeEverythingIsReturnedAndNothingIsStale() throws Exception {
        ParametersQueryResult result = query.handle(NAME, DEVICE, "Device.WiFi.SSID.*.", null);
        ParametersResponse body = ((ParametersQueryResult.Ok) result).body();
        assertThat(body.parameters()).extracting(ParameterEntry::path)
                .containsExactly("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.1.Status");
        assertThat(body.parameters().get(1).type()).isEqualTo("unknown");
        assertThat(body.stale()).isEmpty();
        assertThat(fieldNames(json.readTree(json.writeValueAsString(body)))).doesNotContain("maxAge");
    }

    @Test
    void unknownDevicesAre404() {
        ParametersQueryResult missing = query.handle("tenant-a/ghost", null, "Device.", "PT5M");
        assertThat(missing.status()).isEqualTo(404);
        ApiError error = ((ParametersQueryResult.Failed) missing).error();
        assertThat(error.reason()).isEqualTo(ApiError.DEVICE_NOT_FOUND);
        assertThat(error.message()).contains("tenant-a/ghost");
        assertThat(query.handle(NAME, DeviceId.usp("os::never-synced"), "Device.", null).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WiFi.", "Device..WiFi", "Device.WiFi.[Enable==1].", "Device.Wi Fi."})
    void invalidPathsAre400WithAHint(String path) throws Exception {
        ParametersQueryResult result = query.handle(NAME, DEVICE, path, "PT5M");
        assertThat(result.status()).isEqualTo(400);
        ApiError error = ((ParametersQueryResult.Failed) result).error();
        assertThat(error.reason()).isEqualTo(ApiError.INVALID_PATH);
        assertThat(error.message()).isNotBlank();
        JsonNode body = json.readTree(json.writeValueAsString(error));
        assertThat(fieldNames(body)).containsExactly("status", "reason", "message");
    }

    @Test
    void aMissingPathIs400() {
        ParametersQueryResult result = query.handle(NAME, DEVICE, null, null);
        assertThat(result.status()).isEqualTo(400);
        assertThat(((ParametersQueryResult.Failed) result).error().message()).contains("'path' is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5m", "PT-5M", "-PT5M", "P", "PT5M-garbage", "PT99999999999999999999H", ""})
    void invalidMaxAgesAre400(String maxAge) {
        ParametersQueryResult result = query.handle(NAME, DEVICE, "Device.WiFi.", maxAge);
        assertThat(result.status()).isEqualTo(400);
        ApiError error = ((ParametersQueryResult.Failed) result).error();
        assertThat(error.reason()).isEqualTo(ApiError.INVALID_MAX_AGE);
        assertThat(error.message()).contains("PT5M");
    }

    @Test
    void invalidInputIsReportedBeforeTheDeviceIsLookedUp() {
        assertThat(query.handle("tenant-a/ghost", null, "nope", null).status()).isEqualTo(400);
    }

    @Test
    void aPathWithNothingUnderItIsStaleAsAWhole() {
        ParametersResponse body = ((ParametersQueryResult.Ok) query.handle(NAME, DEVICE, "Device.Cellular.", "PT1M"))
                .body();
        assertThat(body.parameters()).isEmpty();
        assertThat(body.stale()).containsExactly("Device.Cellular.");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
