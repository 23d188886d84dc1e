package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.RECEIVED;
import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.T0;
import static io.cpeoperator.bridge.bulkdata.BulkDataFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkDataDecoderTest {

    private final BulkDataDecoder decoder = new BulkDataDecoder(BulkDataLimits.defaults());

    @Test
    void nameValuePairReportsDecodeExactlyWithTheirOwnTimes() throws Exception {
        DecodedUpload upload = decoder.decode(resource("name-value-pair.json"),
                BulkDataContent.json().withReportFormat("\"NameValuePair\""), RECEIVED);

        assertThat(upload.reports()).hasSize(2);
        assertThat(upload.reports().get(0).collectedAt()).isEqualTo(T0);
        assertThat(upload.reports().get(0).parameters()).containsExactly(
                value("Device.Ethernet.Interface.1.Stats.BytesSent", "7682161"),
                value("Device.Ethernet.Interface.1.Stats.BytesReceived", "200543250"),
                new ParameterValue("Device.WiFi.Radio.1.Enable", "true", ParameterType.BOOLEAN, null),
                value("Device.WiFi.SSID.1.SSID", "Home \"Net\" 5G"),
                value("Device.DeviceInfo.ProcessStatus.CPUUsage", "12"));
        BulkDataReport second = upload.reports().get(1);
        assertThat(second.collectedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(second.parameters()).extracting(ParameterValue::path, ParameterValue::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Device.Ethernet.Interface.1.Stats.BytesSent", "7690000"),
                org.assertj.core.groups.Tuple.tuple("Device.Ethernet.Interface.1.Stats.BytesReceived", "200600000"),
                org.assertj.core.groups.Tuple.tuple("Device.WiFi.Radio.1.Enable", "false"),
                org.assertj.core.groups.Tuple.tuple("Device.WiFi.SSID.1.SSID", "Home \"Net\" 5G"),
                org.assertj.core.groups.Tuple.tuple("Device.DeviceInfo.ProcessStatus.CPUUsage", "3.5"));
        assertThat(upload.skippedRows()).as("an alias, a wildcard path and a null").isEqualTo(3);
    }

    @Test
    void objectHierarchyReportsBecomeFullPathsWithInstanceNumbers() throws Exception {
        DecodedUpload upload = decoder.decode(resource("object-hierarchy.json"),
                BulkDataContent.json().withReportFormat("ObjectHierarchy"), RECEIVED);

        assertThat(upload.reports()).hasSize(1);
        assertThat(upload.reports().get(0).collectedAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
        assertThat(upload.reports().get(0).parameters()).containsExactly(
                value("Device.MoCA.Interface.1.Stats.BroadPktSent", "25248"),
                value("Device.MoCA.Interface.1.Stats.BytesReceived", "200543250"),
                value("Device.MoCA.Interface.2.Stats.BroadPktSent", "93247"),
                value("Device.MoCA.Interface.2.Stats.BytesReceived", "900543250"),
                value("Device.DeviceInfo.UpTime", "86400"),
                value("Device.DeviceInfo.SoftwareVersion", "4.2.1"));
        assertThat(upload.skippedRows()).isZero();
    }

    @Test
    void parameterPerRowCsvGroupsRowsByTimestampAndKeepsTypesAndQuotedValues() throws Exception {
        DecodedUpload upload = decoder.decode(resource("parameter-per-row.csv"),
                BulkDataContent.csv().withReportFormat("ParameterPerRow"), RECEIVED);

        assertThat(upload.reports()).hasSize(2);
        assertThat(upload.reports().get(0).collectedAt()).isEqualTo(T0);
        assertThat(upload.reports().get(0).parameters()).containsExactly(
                new ParameterValue("Device.MoCA.Interface.1.Stats.BroadPktSent", "25248",
                        ParameterType.UNSIGNED_LONG, null),
                new ParameterValue("Device.MoCA.Interface.1.Stats.BytesReceived", "200543250",
                        ParameterType.UNSIGNED_LONG, null),
                new ParameterValue("Device.DeviceInfo.Description", "Gateway, \"lab\" unit", ParameterType.STRING,
                        null));
        assertThat(upload.reports().get(1).collectedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(upload.reports().get(1).parameters()).containsExactly(new ParameterValue(
                "Device.MoCA.Interface.1.Stats.BroadPktSent", "25300", ParameterType.UNSIGNED_LONG, null));
        assertThat(upload.skippedRows()).as("the alternative name BroadPktSent").isEqualTo(1);
    }

    @Test
    void parameterPerColumnCsvIsOneReportPerRowWithIsoTimestamps() throws Exception {
        DecodedUpload upload = decoder.decode(resource("parameter-per-column.csv"), BulkDataContent.csv(), RECEIVED);

        assertThat(upload.reports()).hasSize(2);
        assertThat(upload.reports().get(0).collectedAt()).isEqualTo(T0);
        assertThat(upload.reports().get(0).parameters()).containsExactly(
                value("Device.MoCA.Interface.1.Stats.BroadPktSent", "25248"),
                value("Device.MoCA.Interface.1.Stats.BytesReceived", "200543250"));
        assertThat(upload.reports().get(1).collectedAt()).isEqualTo(Instant.parse("2026-11-25T09:05:00Z"));
        assertThat(upload.reports().get(1).parameters()).containsExactly(
                value("Device.MoCA.Interface.1.Stats.BroadPktSent", "25249"),
                value("Device.MoCA.Interface.1.Stats.BytesReceived", "200553250"));
        assertThat(upload.skippedRows()).as("MultiPktReceived, an alternative name, twice").isEqualTo(2);
    }

    @Test
    void withoutTimestampsReportsHaveTheReceiveTimeAndFutureTimesAreClamped() throws Exception {
        byte[] none = "ParameterName,ParameterValue,ParameterType\nDevice.DeviceInfo.UpTime,5,unsignedInt\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decode(none, BulkDataContent.csv(), RECEIVED).reports().get(0).collectedAt())
                .isEqualTo(RECEIVED);
        byte[] future = ("{\"Report\":[{\"CollectionTime\":" + RECEIVED.plusSeconds(86_400).getEpochSecond()
                + ",\"Device.DeviceInfo.UpTime\":5}]}").getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decode(future, BulkDataContent.json(), RECEIVED).reports().get(0).collectedAt())
                .isEqualTo(RECEIVED);
        byte[] noTime = "{\"Report\":[{\"Device.DeviceInfo.UpTime\":5}]}".getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.decode(noTime, BulkDataContent.json(), RECEIVED).reports().get(0).collectedAt())
                .isEqualTo(RECEIVED);
    }

    @Test
    void gzipAndBothFlavoursOfDeflateDecodeToTheSameReports() throws Exception {
        byte[] plain = resource("name-value-pair.json");
        DecodedUpload expected = decoder.decode(plain, BulkDataContent.json(), RECEIVED);
        assertThat(decoder.decode(BulkDataFixtures.gzip(plain), BulkDataContent.json().withEncoding("gzip"),
                RECEIVED)).isEqualTo(expected);
        assertThat(decoder.decode(BulkDataFixtures.deflate(plain, true), BulkDataContent.json()
                .withEncoding("deflate"), RECEIVED)).isEqualTo(expected);
        assertThat(decoder.decode(BulkDataFixtures.deflate(plain, false), BulkDataContent.json()
                .withEncoding("Deflate"), RECEIVED)).isEqualTo(expected);
    }

    @Test
    void aZipBombIsRefusedAsOversized() {
        byte[] bomb = BulkDataFixtures.gzipBomb(64 << 20);
        assertThat(bomb.length).isLessThan(BulkDataLimits.defaults().maxBodyBytes());
        assertRejected(bomb, BulkDataContent.json().withEncoding("gzip"), BulkDataRejected.Reason.OVERSIZED);
        assertRejected(BulkDataFixtures.deflate(new byte[32 << 20], true), BulkDataContent.json()
                .withEncoding("deflate"), BulkDataRejected.Reason.OVERSIZED);
    }

    @Test
    void limitsOnReportsRowsAndDepthRefuseTheWholeUpload() {
        BulkDataDecoder small = new BulkDataDecoder(BulkDataLimits.defaults().withMaxReportsAndRows(1, 100));
        assertRejected(small, resource("name-value-pair.json"), BulkDataContent.json(),
                BulkDataRejected.Reason.OVERSIZED);
        BulkDataDecoder fewRows = new BulkDataDecoder(BulkDataLimits.defaults().withMaxReportsAndRows(10, 5));
        assertRejected(fewRows, resource("object-hierarchy.json"), BulkDataContent.json(),
                BulkDataRejected.Reason.OVERSIZED);
        String deep = "{\"Report\":[" + "{\"a\":".repeat(60) + "1" + "}".repeat(60) + "]}";
        assertRejected(deep.getBytes(StandardCharsets.US_ASCII), BulkDataContent.json(),
                BulkDataRejected.Reason.OVERSIZED);
        BulkDataDecoder tiny = new BulkDataDecoder(BulkDataLimits.defaults().withMaxBodyBytes(100, 1_000));
        assertRejected(tiny, resource("name-value-pair.json"), BulkDataContent.json(),
                BulkDataRejected.Reason.OVERSIZED);
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        for (String body : List.of("", "[]", "{\"Report\":{}}", "{\"Report\":[1]}", "{\"Report\":[{\"Device."
                + "X\":1}", "{\"NoReport\":[]}", "{\"Report\":[{\"CollectionTime\":\"yesterday\"}]}",
                "{\"Report\":[]} trailing", "{\"Report\":[{\"CollectionTime\":-5}]}")) {
            assertRejected(body.getBytes(StandardCharsets.UTF_8), BulkDataContent.json(),
                    BulkDataRejected.Reason.MALFORMED);
        }
        for (String body : List.of("", "ParameterName,ParameterValue\nDevice.A.B,1,extra\n",
                "ReportTimestamp,ParameterName,ParameterValue\nnot-a-time,Device.A.B,1\n",
                "ParameterName,ParameterValue\nDevice.A.B,\"unclosed\n")) {
            assertRejected(body.getBytes(StandardCharsets.UTF_8), BulkDataContent.csv(),
                    BulkDataRejected.Reason.MALFORMED);
        }
        assertRejected("Device.A.B,C\n1,2\n".getBytes(StandardCharsets.UTF_8),
                BulkDataContent.csv().withReportFormat("ParameterPerRow"), BulkDataRejected.Reason.MALFORMED);
    }

    @Test
    void unsupportedTypesCodingsCharsetsAndFormatsAreRefusedAsSuch() {
        byte[] body = resource("name-value-pair.json");
        for (BulkDataContent content : List.of(new BulkDataContent(null, null, null),
                new BulkDataContent("application/xml", null, null),
                new BulkDataContent("application/json; charset=ISO-8859-1", null, null),
                BulkDataContent.json().withEncoding("br"),
                BulkDataContent.json().withReportFormat("ParameterPerRow"),
                BulkDataContent.json().withReportFormat("Protobuf"))) {
            assertRejected(body, content, BulkDataRejected.Reason.UNSUPPORTED_ENCODING);
        }
    }

    private void assertRejected(byte[] body, BulkDataContent content, BulkDataRejected.Reason reason) {
        assertRejected(decoder, body, content, reason);
    }

    private static void assertRejected(BulkDataDecoder decoder, byte[] body, BulkDataContent content,
                                       BulkDataRejected.Reason reason) {
        assertThatThrownBy(() -> decoder.decode(body, content, RECEIVED))
                .as(new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(BulkDataRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static ParameterValue value(String path, String value) {
        return ParameterValue.of(path, value);
    }
}
