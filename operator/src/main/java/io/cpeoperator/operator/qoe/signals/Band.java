package io.cpeoperator.operator.qoe.signals;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A Wi-Fi frequency band, from what the device says ({@code OperatingFrequencyBand}) or, failing that, from the
 * channel number (6 GHz channel numbers overlap the others', so a 6 GHz radio that does not say its band is taken
 * for 2.4 or 5 GHz). Never from a radio's instance number: devices number their radios in any order.
 */
public enum Band {
    GHZ_2_4("2.4 GHz"),
    GHZ_5("5 GHz"),
    GHZ_6("6 GHz"),
    UNKNOWN("unknown band");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code OperatingFrequencyBand} values as TR-181 and TR-098 write them ("2.4GHz", "5GHz", "6GHz"). */
    public static Band parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String value = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (value.startsWith("2.4")) {
            return GHZ_2_4;
        }
        if (value.startsWith("5")) {
            return GHZ_5;
        }
        if (value.startsWith("6")) {
            return GHZ_6;
        }
        return UNKNOWN;
    }

    /** The band a channel number belongs to when nothing better is known: 1-14 are 2.4 GHz, 32-177 are 5 GHz. */
    public static Band ofChannel(OptionalDouble channel) {
        if (channel.isEmpty() || channel.getAsDouble() <= 0) {
            return UNKNOWN;
        }
        double number = channel.getAsDouble();
        if (number <= 14) {
            return GHZ_2_4;
        }
        return number >= 32 && number <= 177 ? GHZ_5 : UNKNOWN;
    }

    public boolean isHigh() {
        return this == GHZ_5 || this == GHZ_6;
    }
}
