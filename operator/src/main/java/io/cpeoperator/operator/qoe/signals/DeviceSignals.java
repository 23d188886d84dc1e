package io.cpeoperator.operator.qoe.signals;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the QoE checks look at, read from one device's twin at one moment. A part the device does not report is
 * empty: the checks then say "not assessed", never "healthy".
 *
 * @param dataModel "TR-181" or "TR-098"
 * @param wifi      empty when the device reports no Wi-Fi radio
 * @param mesh      empty when the device reports no wireless backhaul (not a mesh node, or not reported)
 */
public record DeviceSignals(Instant readAt, String dataModel, Optional<WifiSignals> wifi, WanSignals wan,
                            SystemSignals system, Optional<MeshSignals> mesh, String softwareVersion) {
}
