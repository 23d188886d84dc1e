package io.cpeoperator.operator.insights;

import java.util.Objects;

/**
 * What the insights need to know of one device besides its history: what it is, where it hangs, and its current QoE
 * score. {@code accessNode} (the value of the access-node label, e.g. an OLT or DSLAM) and {@code qoeScore} may be null.
 */
public record DeviceFacts(String deviceId, String model, String hardwareVersion, String firmwareVersion,
                          String accessNode, Double qoeScore) {

    public DeviceFacts {
        Objects.requireNonNull(deviceId, "deviceId");
        model = model == null || model.isBlank() ? "(unknown model)" : model;
        hardwareVersion = hardwareVersion == null || hardwareVersion.isBlank() ? "(unknown)" : hardwareVersion;
        firmwareVersion = firmwareVersion == null || firmwareVersion.isBlank() ? "(unknown)" : firmwareVersion;
        accessNode = accessNode == null || accessNode.isBlank() ? null : accessNode;
    }
}
