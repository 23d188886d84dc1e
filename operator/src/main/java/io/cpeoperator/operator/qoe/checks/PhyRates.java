package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.signals.Band;

import java.util.Optional;

/**
 * The highest PHY rate (kbps) a two-stream client can reach with its standard and channel width, the common case
 * for phones and laptops: 802.11n 144/300, ac 173/400/867/1733, ax 287/574/1201/2402, be 344/688/1441/2882/5765
 * Mbps at 20/40/80/160/320 MHz. Unknown standard: the band's usual one; unknown width: the band's usual one.
 */
final class PhyRates {

    private PhyRates() {
    }

    static double maxKbps(Optional<String> standard, Band band, Optional<Integer> widthMhz) {
        int width = widthMhz.orElse(band == Band.GHZ_2_4 ? 20 : band == Band.GHZ_6 ? 160 : 80);
        String std = standard.orElse(band == Band.GHZ_6 ? "ax" : band == Band.GHZ_5 ? "ac" : "n");
        int index = width >= 320 ? 4 : width >= 160 ? 3 : width >= 80 ? 2 : width >= 40 ? 1 : 0;
        double[] mbps = switch (std) {
            case "b" -> new double[] {11, 11, 11, 11, 11};
            case "a", "g" -> new double[] {54, 54, 54, 54, 54};
            case "n" -> new double[] {144, 300, 300, 300, 300};
            case "ac" -> new double[] {173, 400, 867, 1733, 1733};
            case "be" -> new double[] {344, 688, 1441, 2882, 5765};
            default -> new double[] {287, 574, 1201, 2402, 2402};
        };
        return mbps[index] * 1000;
    }
}
