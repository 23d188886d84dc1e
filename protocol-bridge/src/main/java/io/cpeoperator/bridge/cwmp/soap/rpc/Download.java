package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/**
 * Asks the CPE to fetch a file (firmware: {@code 1 Firmware Upgrade Image}). Completion arrives later, possibly
 * after a reboot, as a TransferComplete with the same CommandKey.
 */
public record Download(String commandKey, String fileType, String url, String username, String password,
                       long fileSize, String targetFileName, int delaySeconds, String successUrl, String failureUrl)
        implements CwmpRequest<DownloadResponse> {

    public static final String NAME = "Download";
    public static final String FIRMWARE_UPGRADE_IMAGE = "1 Firmware Upgrade Image";

    public Download {
        commandKey = Text.orEmpty(commandKey);
        fileType = Text.orEmpty(fileType);
        url = Text.orEmpty(url);
        username = Text.orEmpty(username);
        password = Text.orEmpty(password);
        targetFileName = Text.orEmpty(targetFileName);
        successUrl = Text.orEmpty(successUrl);
        failureUrl = Text.orEmpty(failureUrl);
    }

    /** A firmware image download without credentials or delay. */
    public static Download firmware(String commandKey, String url, long fileSize, String targetFileName) {
        return new Download(commandKey, FIRMWARE_UPGRADE_IMAGE, url, "", "", fileSize, targetFileName, 0, "", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DownloadResponse> responseType() {
        return DownloadResponse.class;
    }

    static Download read(XmlElement e) throws CwmpDecodeException {
        return new Download(e.childText("CommandKey", ""), e.requiredText("FileType"), e.requiredText("URL"),
                e.childText("Username", ""), e.childText("Password", ""), e.longOr("FileSize", 0),
                e.childText("TargetFileName", ""), e.intOr("DelaySeconds", 0), e.childText("SuccessURL", ""),
                e.childText("FailureURL", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("CommandKey", commandKey).leaf("FileType", fileType).leaf("URL", url)
                .leaf("Username", username).leaf("Password", password).leaf("FileSize", fileSize)
                .leaf("TargetFileName", targetFileName).leaf("DelaySeconds", delaySeconds)
                .leaf("SuccessURL", successUrl).leaf("FailureURL", failureUrl);
    }

    @Override
    public String toString() {
        // The password stays out of logs.
        return "Download[commandKey=" + commandKey + ", fileType=" + fileType + ", url=" + url + "]";
    }
}
