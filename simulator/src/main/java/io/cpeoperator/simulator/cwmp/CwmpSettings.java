package io.cpeoperator.simulator.cwmp;

import java.net.URI;
import java.time.Duration;

/**
 * How CWMP devices reach the ACS.
 *
 * @param informInterval default periodic inform interval when the device's PeriodicInformInterval is unset
 * @param maxResponseBytes largest ACS response accepted
 */
public record CwmpSettings(URI acsUrl, Duration informInterval, Duration requestTimeout, int maxResponseBytes) {
}
