package io.cpeoperator.operator.qoe.signals;

import java.util.Optional;

/**
 * The PPP session carrying the WAN.
 *
 * @param sessionSeconds seconds since the session came up (TR-181 LastChange, TR-098 Uptime)
 * @param status         ConnectionStatus ("Connected", "Connecting", ...)
 * @param lastError      LastConnectionError ("ERROR_NONE" when none)
 */
public record PppSignals(String path, Reading sessionSeconds, Optional<String> status, Optional<String> lastError) {

    public boolean hadError() {
        return lastError.map(e -> !e.isBlank() && !e.equalsIgnoreCase("ERROR_NONE")).orElse(false);
    }
}
