package io.cpeoperator.simulator.model;

import java.util.List;

/**
 * A Wi-Fi frequency band, with what a radio on it offers. Band-specific behaviour (noise, interference, band
 * steering) follows the band, never the radio's instance number: vendors number radios in any order.
 */
public enum Band {
    GHZ_2_4("2.4GHz", "b,g,n,ax", "g,n,ax", "20MHz", 574, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
            "12", "13"), "1-13"),
    GHZ_5("5GHz", "a,n,ac,ax", "a,n,ac,ax", "80MHz", 2402, List.of("36", "40", "44", "48", "52", "56", "60", "64", "100",
            "104", "108", "112", "116", "120", "124", "128", "132", "136", "140"),
            "36,40,44,48,52,56,60,64,100,104,108,112,116,120,124,128,132,136,140"),
    GHZ_6("6GHz", "ax,be", "ax,be", "160MHz", 5764, List.of("1", "5", "9", "13", "17", "21", "25", "29", "33", "37", "41",
            "45", "49", "53", "57", "61", "65", "69", "73", "77", "81", "85", "89", "93"), "1-93");

    private final String label;
    private final String supportedStandards;
    private final String operatingStandards;
    private final String bandwidth;
    private final int maxBitRateMbps;
    private final List<String> channels;
    private final String possibleChannels;

    Band(String label, String supportedStandards, String operatingStandards, String bandwidth, int maxBitRateMbps,
         List<String> channels, String possibleChannels) {
        this.label = label;
        this.supportedStandards = supportedStandards;
        this.operatingStandards = operatingStandards;
        this.bandwidth = bandwidth;
        this.maxBitRateMbps = maxBitRateMbps;
        this.channels = channels;
        this.possibleChannels = possibleChannels;
    }

    /** The TR-181 OperatingFrequencyBand value. */
    public String label() {
        return label;
    }

    public String supportedStandards() {
        return supportedStandards;
    }

    public String operatingStandards() {
        return operatingStandards;
    }

    public String bandwidth() {
        return bandwidth;
    }

    public int maxBitRateMbps() {
        return maxBitRateMbps;
    }

    /** Channels a radio on this band accepts. */
    public List<String> channels() {
        return channels;
    }

    /** The PossibleChannels value. */
    public String possibleChannels() {
        return possibleChannels;
    }
}
