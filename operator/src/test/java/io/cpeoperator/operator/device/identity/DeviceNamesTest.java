package io.cpeoperator.operator.device.identity;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceNamesTest {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    @Test
    void cwmpIdentityReadsAsOuiProductClassSerial() {
        assertThat(DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD", "000042"))).isEqualTo("00d09e-igd-000042");
        assertThat(DeviceNames.nameFor(DeviceId.cwmp("00D09E", null, "ABC123"))).isEqualTo("00d09e-abc123");
    }

    @Test
    void lossyMappingsGetAHashSuffix() {
        String lower = DeviceNames.nameFor(DeviceId.cwmp("00D09E", "igd", "x1"));
        String upper = DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD", "X1"));
        assertThat(upper).isEqualTo("00d09e-igd-x1");
        assertThat(lower).startsWith("00d09e-igd-x1-").hasSize("00d09e-igd-x1-".length() + 10);
        assertThat(lower).isNotEqualTo(upper);

        String underscore = DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD_2", "S/N 7"));
        assertThat(underscore).startsWith("00d09e-igd-2-s-n-7-").matches(DNS_LABEL);
    }

    @Test
    void uspEndpointIdsAreMappedAndHashed() {
        String name = DeviceNames.nameFor(DeviceId.usp("os::00D09E-0123456789"));
        assertThat(name).startsWith("os-00d09e-0123456789-").matches(DNS_LABEL);
        assertThat(DeviceNames.nameFor(DeviceId.usp("proto::00D09E-0123456789"))).isNotEqualTo(name);
    }

    @Test
    void longNamesAreShortenedWithAHashAndStayUnique() {
        String serial = "S".repeat(120);
        String a = DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD", serial + "A"));
        String b = DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD", serial + "B"));
        assertThat(a).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
        assertThat(b).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void nothingReadableLeftStillGivesAName() {
        assertThat(DeviceNames.nameFor(DeviceId.usp("::::"))).matches("^cpe-[0-9a-f]{10}$");
    }

    @Test
    void identitiesThatMapAlikeNeverCollide() {
        Set<String> names = new HashSet<>();
        String[] serials = {"ab", "AB", "Ab", "a-b", "a_b", "a.b", "a b", "a--b", "-ab", "ab-"};
        for (String serial : serials) {
            names.add(DeviceNames.nameFor(DeviceId.cwmp("00D09E", "IGD", serial)));
        }
        assertThat(names).hasSize(serials.length).allMatch(n -> DNS_LABEL.matcher(n).matches());
    }

    @Test
    void hashedNameIsTheFallbackForATakenPlainName() {
        DeviceId id = DeviceId.cwmp("00D09E", "IGD", "000042");
        assertThat(DeviceNames.hashedNameFor(id)).startsWith("00d09e-igd-000042-").matches(DNS_LABEL);
        DeviceId lossy = DeviceId.usp("os::x");
        assertThat(DeviceNames.hashedNameFor(lossy)).isEqualTo(DeviceNames.nameFor(lossy));
    }

    @Test
    void labelsAreLabelValueSafe() {
        DeviceIdentity identity = new DeviceIdentity(DeviceId.cwmp("00D09E", "IGD", "1"), "Acme", "00D09E",
                "IGD", "1", "Model X/1 (EU)", "1.0", "A", "Device.");
        assertThat(DeviceLabels.labelsFor(identity))
                .containsEntry(DeviceLabels.OUI, "00d09e")
                .containsEntry(DeviceLabels.PRODUCT_CLASS, "igd")
                .containsEntry(DeviceLabels.MODEL, "model-x-1--eu")
                .containsEntry(DeviceLabels.PROTOCOL, "cwmp");
        assertThat(DeviceLabels.labelValue("x".repeat(100))).hasSize(63);
        assertThat(DeviceLabels.labelValue("-abc-")).isEqualTo("abc");
        assertThat(DeviceLabels.labelValue("***")).isEmpty();
    }
}
