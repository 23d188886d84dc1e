package io.cpeoperator.bridge.usp.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record captured from the Broadband Forum's reference agent (obuspa) decodes to what its manifest says and
 * re-encodes to the same bytes; every inner message re-encodes to the captured message bytes; and records built from
 * scratch by {@link UspRecordCodec#noSessionContext} are byte-identical to the captured ones.
 */
class UspVectorTest {

    private static final String ROOT = "/vectors/usp/";
    private final UspRecordCodec codec = new UspRecordCodec();

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesAndReencodesIdentically() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String folder : List.of("", "mqtt311/")) {
            for (JsonNode entry : manifest(folder)) {
                String file = entry.get("file").asText();
                tests.add(DynamicTest.dynamicTest(folder + file, () -> checkVector(folder, entry)));
            }
        }
        assertThat(tests).hasSize(54);
        return tests.stream();
    }

    private void checkVector(String folder, JsonNode entry) {
        String file = entry.get("file").asText();
        byte[] bytes = read(folder + file);
        assertThat(bytes).hasSize(entry.get("length").asInt());

        DecodeResult result = codec.decode(bytes);
        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        DecodeResult.Accepted accepted = (DecodeResult.Accepted) result;
        UspRecord.Record record = accepted.record();
        assertThat(record.getVersion()).isEqualTo(entry.get("version").asText());
        assertThat(record.getFromId()).isEqualTo(entry.get("from_id").asText());
        assertThat(record.getToId()).isEqualTo(entry.get("to_id").asText());
        assertThat(record.getRecordTypeCase().name().toLowerCase()).isEqualTo(entry.get("record_type").asText());
        assertThat(codec.encode(record)).as("record re-encoding").isEqualTo(bytes);
        assertThat(codec.decode(ByteBuffer.wrap(bytes))).isEqualTo(result);

        if (!entry.has("msg_id")) {
            assertThat(accepted.message()).isEmpty();
            return;
        }
        UspMsg.Msg msg = accepted.message().orElseThrow();
        assertThat(msg.getHeader().getMsgId()).isEqualTo(entry.get("msg_id").asText());
        assertThat(msg.getHeader().getMsgType().name()).isEqualTo(entry.get("msg_type").asText());
        assertThat(msg.getUnknownFields().asMap()).as("no unknown fields").isEmpty();
        byte[] msgBytes = read(folder + "msg/" + file.replace(".bin", ".msg.bin"));
        assertThat(msg.toByteArray()).as("message re-encoding").isEqualTo(msgBytes);

        UspRecord.Record rebuilt = UspRecordCodec.noSessionContext(record.getVersion(), record.getToId(),
                record.getFromId(), msg);
        assertThat(codec.encode(rebuilt)).as("record built from the message").isEqualTo(bytes);
    }

    private static List<JsonNode> manifest(String folder) {
        try {
            JsonNode root = new ObjectMapper().readTree(read(folder + "manifest.json"));
            List<JsonNode> entries = new ArrayList<>();
            root.forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String relative) {
        try (InputStream in = UspVectorTest.class.getResourceAsStream(ROOT + relative)) {
            assertThat(in).as(relative).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
