package io.cpeoperator.simulator.engine;

import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.Fault;
import io.cpeoperator.simulator.device.TransferResult;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Firmware downloads. The image is not fetched: its version is read from the file name
 * ({@code .../fw-3.5.2.bin} installs 3.5.2). A URL whose file name contains {@code fail} fails with 9010
 * "Download failure", {@code corrupt} with 9018 "File corrupted", {@code auth} with 9019; a version declared
 * {@code download-fails:N} fails with 9010 on the devices it picks (see {@link FirmwareDefect#failsDownloadFor});
 * a scheme other than http(s) is refused at once with 9013. A successful image is installed and the device reboots
 * into it.
 */
public final class FirmwareInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareInstaller.class);

    private FirmwareInstaller() {
    }

    /** Checks what a device checks before accepting a Download. */
    public static void validate(String url) throws DataModelException {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new DataModelException(Fault.INVALID_ARGUMENTS, "Invalid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DataModelException(Fault.UNSUPPORTED_PROTOCOL, "Unsupported protocol for file transfer: " + scheme);
        }
    }

    /**
     * Runs an accepted download: after the configured delay the result is stored on the device; success installs
     * and reboots, failure leaves the device up and calls {@code onFailure}.
     *
     * @param onResult called with the result before any reboot (USP OperationComplete)
     */
    public static void start(DeviceLifecycle lifecycle, String url, String commandKey, Consumer<TransferResult> onResult,
                             Runnable onFailure) {
        VirtualDevice device = lifecycle.device();
        long start = device.now();
        lifecycle.scheduler().schedule(() -> {
            if (!device.isOnline()) {
                return;
            }
            Fault fault = failureFor(url, device);
            TransferResult result = new TransferResult(commandKey, url, fault == null ? 0 : fault.cwmpCode(),
                    fault == null ? "" : fault.cwmpString(), start, device.now(), fault == null ? 0 : fault.uspCode());
            device.pendingTransfer(result);
            onResult.accept(result);
            if (fault == null) {
                String version = versionFromUrl(url);
                LOG.info("{} installing firmware {} (was {})", device.id(), version, device.softwareVersion());
                device.installFirmware(version);
                lifecycle.reboot(BootCause.FIRMWARE_UPGRADE, commandKey);
            } else {
                LOG.info("{} firmware download failed: {} {}", device.id(), result.faultCode(), result.faultString());
                onFailure.run();
            }
        }, lifecycle.timing().downloadDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    static Fault failureFor(String url, VirtualDevice device) {
        String name = fileName(url).toLowerCase(Locale.ROOT);
        if (name.contains("corrupt")) {
            return Fault.FILE_CORRUPTED;
        }
        if (name.contains("auth")) {
            return Fault.FILE_AUTHENTICATION_FAILURE;
        }
        if (name.contains("fail")) {
            return Fault.DOWNLOAD_FAILURE;
        }
        boolean picked = device.environment().firmwareDefects().of(versionFromUrl(url))
                .map(defect -> defect.failsDownloadFor(device.id().toString())).orElse(false);
        return picked ? Fault.DOWNLOAD_FAILURE : null;
    }

    /** {@code http://h/fw/nl-ax3000-3.5.2.bin} gives 3.5.2; {@code V5R020C00S070.bin} gives V5R020C00S070. */
    public static String versionFromUrl(String url) {
        String name = fileName(url);
        for (String extension : new String[] {".tar.gz", ".bin", ".img", ".itb", ".trx", ".fw", ".zip"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        int cut = Math.max(name.lastIndexOf('-'), name.lastIndexOf('_'));
        String tail = cut >= 0 ? name.substring(cut + 1) : name;
        return tail.isEmpty() ? name : tail;
    }

    private static String fileName(String url) {
        String path = url;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
