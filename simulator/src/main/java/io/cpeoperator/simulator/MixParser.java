package io.cpeoperator.simulator;

import io.cpeoperator.simulator.device.DeviceProfile.Transport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parses {@code --mix cwmp=50,usp=40,usp-mqtt3=10}. */
final class MixParser {

    private MixParser() {
    }

    static Map<Transport, Integer> parse(String spec) {
        Map<Transport, Integer> mix = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mix entry '" + item + "' must look like cwmp=50");
            }
            String name = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String weightText = item.substring(eq + 1).trim();
            if (weightText.endsWith("%")) {
                weightText = weightText.substring(0, weightText.length() - 1);
            }
            int weight;
            try {
                weight = Integer.parseInt(weightText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mix weight '" + weightText + "' is not a whole number");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("mix weight must be >= 0: " + item);
            }
            Transport transport = switch (name) {
                case "cwmp", "tr069", "tr-069" -> Transport.CWMP;
                case "usp", "usp-mqtt5", "mqtt5", "usp-mqtt" -> Transport.USP_MQTT5;
                case "usp-mqtt3", "mqtt3", "usp-mqtt311", "mqtt311" -> Transport.USP_MQTT311;
                case "usp-websocket", "websocket", "usp-ws" ->
                        throw new IllegalArgumentException("USP over WebSocket is not supported by the simulator yet");
                default -> throw new IllegalArgumentException("unknown protocol '" + name
                        + "' (known: cwmp, usp, usp-mqtt5, usp-mqtt3)");
            };
            mix.merge(transport, weight, Integer::sum);
        }
        return mix;
    }
}
