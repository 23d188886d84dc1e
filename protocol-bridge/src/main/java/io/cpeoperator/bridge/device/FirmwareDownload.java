package io.cpeoperator.bridge.device;

import java.util.Objects;

/**
 * A firmware image to install. Completion (after the device rebooted into it) arrives later as a
 * {@link DeviceEvent.OperationCompleted} with the same {@code commandKey}, and as a Boot with the new version.
 *
 * @param url        where the device downloads the image
 * @param version    the version the image contains (what success looks like)
 * @param checksum   optional checksum, e.g. "sha256:..."; may be empty
 * @param commandKey correlates the request with its completion across sessions and reboots
 * @param fileSize   bytes, 0 when unknown
 */
public record FirmwareDownload(String url, String version, String checksum, String commandKey, long fileSize) {
    public FirmwareDownload {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(version, "version");
        checksum = checksum == null ? "" : checksum;
        Objects.requireNonNull(commandKey, "commandKey");
    }
}
