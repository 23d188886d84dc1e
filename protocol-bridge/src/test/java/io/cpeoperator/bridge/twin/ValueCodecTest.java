package io.cpeoperator.bridge.twin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ValueCodecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|2", "1|2", "-1|2", "9223372036854775807|2", "-9223372036854775808|2", "1234567890123|2",
            "true|1", "Up|1", "Enabled|1", "12345678X|7", "''|1",
            "2026-11-25T15:37:49Z|3", "0001-01-01T00:00:00Z|3", "9999-12-31T23:59:59Z|3",
            "aa:bb:cc:00:11:22|4", "AA:BB:CC:00:11:22|5", "00:11:22:33:44:55|4",
            "192.168.1.1|6", "0.0.0.0|1", "10.0.0.1|1", "10.0.10.1|6", "255.255.255.255|6",
            // not canonical: kept verbatim in the arena
            "007|1", "-0|1", "+5|1", "9223372036854775808|7", "00000000000000000001|7",
            "2026-02-30T00:00:00Z|7", "2026-11-25T15:37:49.5Z|7", "2026-11-25T24:00:00Z|7",
            "Aa:bb:cc:00:11:22|7", "aa-bb-cc-00-11-22|7", "192.168.01.1|7", "192.168.1.256|7", "1.2.3.4.5|7",
            "192.168.1.|7", "Ünïcödé|7", "Device.IP.Interface.1|7"})
    void roundTripsExactly(String value, int expectedEncoding) {
        assertThat(ValueCodec.encodingOf(value)).isEqualTo(expectedEncoding);
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void randomStringsOfTheRightShapeRoundTrip() {
        Random random = new Random(42);
        String alphabet = "0123456789abcdefABCDEF:.-TZ ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(22);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(roundTrip(s.toString())).isEqualTo(s.toString());
        }
    }

    private static String roundTrip(String value) {
        SlotTable table = new SlotTable(1, 0);
        int slot = table.append(1);
        table.setValue(slot, value);
        assertThat(table.valueEquals(slot, value)).isTrue();
        return table.value(slot);
    }

    @Test
    void arenaIsCompactedWhenGarbageDominates() {
        SlotTable table = new SlotTable(2, 0);
        int a = table.append(1);
        int b = table.append(2);
        table.setValue(b, "a long value that stays the same");
        for (int i = 0; i < 500; i++) {
            table.setValue(a, "a long value that changes every time " + i);
        }
        assertThat(table.value(a)).isEqualTo("a long value that changes every time 499");
        assertThat(table.value(b)).isEqualTo("a long value that stays the same");
        assertThat(table.parameterCount()).isEqualTo(2);
    }
}
