package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Firmware upgrades the TR-181 way: {@code Download()} into the image slot that is not active, and once its
 * OperationComplete reports success, {@code Activate()} of that slot (which reboots the agent into it).
 */
final class FirmwareUpgrades {

    private static final Logger LOG = LoggerFactory.getLogger(FirmwareUpgrades.class);
    static final String IMAGES = "Device.DeviceInfo.FirmwareImage.";
    static final String ACTIVE = "Device.DeviceInfo.ActiveFirmwareImage";

    private final UspOperations operations;
    /** endpoint ID + command key → image path awaiting activation. */
    private final Map<String, String> awaitingActivation = new ConcurrentHashMap<>();

    FirmwareUpgrades(UspOperations operations) {
        this.operations = operations;
    }

    CompletableFuture<Void> download(AgentSession session, FirmwareDownload download) {
        return operations.get(session, List.of(ACTIVE, IMAGES), 0).thenCompose(response -> {
            String image = inactiveImage(response);
            awaitingActivation.put(key(session, download.commandKey()), image);
            return operations.operate(session, image + "Download()", download.commandKey(), arguments(download))
                    .thenApply(accepted -> (Void) null)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            awaitingActivation.remove(key(session, download.commandKey()));
                        }
                    });
        });
    }

    void onOperationComplete(AgentSession session, UspMsg.Notify.OperationComplete complete) {
        if (!"Download()".equals(complete.getCommandName())) {
            return;
        }
        String image = awaitingActivation.remove(key(session, complete.getCommandKey()));
        if (image == null || !image.equals(complete.getObjPath())) {
            return;
        }
        if (complete.hasCmdFailure()) {
            LOG.warn("{}: firmware download into {} failed: {} {}", session.deviceId(), image,
                    complete.getCmdFailure().getErrCode(), complete.getCmdFailure().getErrMsg());
            return;
        }
        LOG.info("{}: firmware downloaded into {}, activating", session.deviceId(), image);
        operations.operate(session, image + "Activate()", complete.getCommandKey(), Map.of())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.warn("{}: Activate() of {} failed: {}", session.deviceId(), image,
                                AgentOnboarding.rootCause(failure).getMessage());
                    }
                });
    }

    private static String inactiveImage(UspMsg.GetResp response) {
        String active = "";
        TreeSet<String> images = new TreeSet<>();
        for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
            for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                String path = resolved.getResolvedPath();
                if (path.startsWith(IMAGES) && path.length() > IMAGES.length()) {
                    images.add(path);
                }
                for (var param : resolved.getResultParamsList()) {
                    if ((path + param.getKey()).equals(ACTIVE)) {
                        active = param.getValue().endsWith(".") ? param.getValue() : param.getValue() + ".";
                    }
                }
            }
        }
        for (String image : images) {
            if (!image.equals(active)) {
                return image;
            }
        }
        throw new CompletionException(new DeviceOperationException(7002,
                "no inactive firmware image slot (images " + images + ", active " + active + ")"));
    }

    private static Map<String, String> arguments(FirmwareDownload download) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("URL", download.url());
        args.put("AutoActivate", "false");
        if (download.fileSize() > 0) {
            args.put("FileSize", Long.toString(download.fileSize()));
        }
        String checksum = download.checksum();
        int colon = checksum.indexOf(':');
        if (colon > 0) {
            args.put("CheckSumAlgorithm", checksum.substring(0, colon).toUpperCase(Locale.ROOT)
                    .replace("SHA", "SHA-").replace("--", "-"));
            args.put("CheckSum", checksum.substring(colon + 1));
        }
        return args;
    }

    private static String key(AgentSession session, String commandKey) {
        return session.endpointId() + "\n" + commandKey;
    }
}
