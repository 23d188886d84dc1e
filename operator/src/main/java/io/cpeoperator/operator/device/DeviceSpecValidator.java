package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ApiPatterns;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.api.v1alpha1.Protocol;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CRD schema's rules, checked again by the operator: an API server that enforces the schema rejects a bad spec
 * before it gets here, but the embedded API (and a CRD installed without validation) does not. Each problem names
 * the field and says what to write instead.
 */
public final class DeviceSpecValidator {

    private static final Pattern PARAMETER_PATH = Pattern.compile(ApiPatterns.PARAMETER_PATH);
    private static final Pattern OUI = Pattern.compile("^[0-9A-Fa-f]{6}$");
    private static final Pattern FIRMWARE_URL = Pattern.compile(ApiPatterns.FIRMWARE_URL);
    private static final Pattern CHECKSUM = Pattern.compile(ApiPatterns.CHECKSUM);

    private DeviceSpecValidator() {
    }

    public static List<String> problems(CpeDeviceSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            problems.add("spec is missing: set spec.protocol and spec.identity");
            return problems;
        }
        if (spec.getProtocol() == null) {
            problems.add("spec.protocol is missing: set CWMP or USP");
        }
        checkIdentity(spec.getIdentity(), spec.getProtocol(), problems);
        spec.getParameters().forEach((path, value) -> {
            if (path == null || !PARAMETER_PATH.matcher(path).matches()) {
                problems.add("spec.parameters key '" + path + "' is not a full parameter path: it must start with "
                        + "Device. or InternetGatewayDevice., contain no '*' and not end in '.'");
            }
            if (value == null) {
                problems.add("spec.parameters['" + path + "'] has no value: write the value as a string");
            }
        });
        checkFirmware(spec.getFirmware(), problems);
        checkAction("spec.reboot", spec.getReboot(), problems);
        checkAction("spec.factoryReset", spec.getFactoryReset(), problems);
        return problems;
    }

    private static void checkIdentity(DeviceIdentitySpec identity, Protocol protocol, List<String> problems) {
        if (identity == null) {
            problems.add("spec.identity is missing: set oui and serialNumber (CWMP) or endpointId (USP)");
            return;
        }
        if (protocol == Protocol.CWMP && (isBlank(identity.getOui()) || isBlank(identity.getSerialNumber()))) {
            problems.add("a CWMP device needs spec.identity.oui and spec.identity.serialNumber");
        }
        if (protocol == Protocol.USP && isBlank(identity.getEndpointId())) {
            problems.add("a USP device needs spec.identity.endpointId, e.g. os::00D09E-0123456789");
        }
        if (!isBlank(identity.getOui()) && !OUI.matcher(identity.getOui()).matches()) {
            problems.add("spec.identity.oui '" + identity.getOui() + "' must be six hexadecimal digits, e.g. 00D09E");
        }
    }

    private static void checkFirmware(FirmwareSpec firmware, List<String> problems) {
        if (firmware == null) {
            return;
        }
        if (isBlank(firmware.getVersion())) {
            problems.add("spec.firmware.version is missing: the version the image contains, e.g. 3.2.1");
        }
        if (firmware.getUrl() == null || !FIRMWARE_URL.matcher(firmware.getUrl()).matches()) {
            problems.add("spec.firmware.url must be an http, https or ftp URL");
        }
        if (firmware.getChecksum() != null && !CHECKSUM.matcher(firmware.getChecksum()).matches()) {
            problems.add("spec.firmware.checksum must look like sha256:<hex> (md5, sha1, sha256 or sha512)");
        }
    }

    private static void checkAction(String field, OneShotAction action, List<String> problems) {
        if (action == null) {
            return;
        }
        try {
            OffsetDateTime.parse(action.getRequestedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(field + ".requestedAt must be an RFC 3339 time such as 2026-11-25T10:00:00Z, not '"
                    + action.getRequestedAt() + "'");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
