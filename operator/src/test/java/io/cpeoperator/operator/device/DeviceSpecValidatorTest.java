package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.api.v1alpha1.Protocol;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceSpecValidatorTest {

    @Test
    void validSpecsHaveNoProblems() {
        CpeDeviceSpec cwmp = spec(Protocol.CWMP, DeviceIdentitySpec.cwmp("00D09E", "IGD", "1"));
        cwmp.setParameters(new LinkedHashMap<>(Map.of("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "300")));
        cwmp.setReboot(new OneShotAction("2026-11-25T10:00:00Z"));
        assertThat(DeviceSpecValidator.problems(cwmp)).isEmpty();
        assertThat(DeviceSpecValidator.problems(spec(Protocol.USP, DeviceIdentitySpec.usp("os::00D09E-1")))).isEmpty();
    }

    @Test
    void eachRuleNamesTheFieldAndTheFix() {
        CpeDeviceSpec spec = spec(Protocol.USP, DeviceIdentitySpec.cwmp("00D09G", null, "1"));
        spec.setParameters(new LinkedHashMap<>(Map.of("Device.WiFi.", "x")));
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setUrl("file:///etc/passwd");
        firmware.setChecksum("crc:12");
        spec.setFirmware(firmware);
        spec.setFactoryReset(new OneShotAction("yesterday"));

        assertThat(DeviceSpecValidator.problems(spec)).containsExactlyInAnyOrder(
                "a USP device needs spec.identity.endpointId, e.g. os::00D09E-0123456789",
                "spec.identity.oui '00D09G' must be six hexadecimal digits, e.g. 00D09E",
                "spec.parameters key 'Device.WiFi.' is not a full parameter path: it must start with Device. or "
                        + "InternetGatewayDevice., contain no '*' and not end in '.'",
                "spec.firmware.version is missing: the version the image contains, e.g. 3.2.1",
                "spec.firmware.url must be an http, https or ftp URL",
                "spec.firmware.checksum must look like sha256:<hex> (md5, sha1, sha256 or sha512)",
                "spec.factoryReset.requestedAt must be an RFC 3339 time such as 2026-11-25T10:00:00Z, not 'yesterday'");
    }

    @Test
    void missingPiecesAreReported() {
        assertThat(DeviceSpecValidator.problems(null)).containsExactly("spec is missing: set spec.protocol and spec.identity");
        assertThat(DeviceSpecValidator.problems(new CpeDeviceSpec())).contains(
                "spec.protocol is missing: set CWMP or USP",
                "spec.identity is missing: set oui and serialNumber (CWMP) or endpointId (USP)");
        assertThat(DeviceSpecValidator.problems(spec(Protocol.CWMP, DeviceIdentitySpec.usp("os::x-1"))))
                .contains("a CWMP device needs spec.identity.oui and spec.identity.serialNumber");
    }

    private static CpeDeviceSpec spec(Protocol protocol, DeviceIdentitySpec identity) {
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setProtocol(protocol);
        spec.setIdentity(identity);
        return spec;
    }
}
