package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credentials file format, and errors that name the line without showing a password. */
class CredentialsFileTest {

    @Test
    void readsSharedAndDeviceBoundCredentialsSkippingCommentsAndBlankLines() throws Exception {
        Map<String, Credentials> credentials = parse("""
                # fleet credential
                fleet:s3cret

                  00D09E-42:pw42:00D09E-IGD-42\s\s
                00D09E-7:pw7:00D09E-7
                """);
        assertThat(credentials).hasSize(3);
        assertThat(credentials.get("fleet")).isEqualTo(new Credentials("fleet", "s3cret"));
        assertThat(credentials.get("00D09E-42").boundDevice()).contains(DeviceId.cwmp("00D09E", "IGD", "42"));
        assertThat(credentials.get("00D09E-42").password()).isEqualTo("pw42");
        assertThat(credentials.get("00D09E-7").boundDevice()).contains(DeviceId.cwmp("00D09E", "", "7"));
    }

    @Test
    void malformedLinesNameTheLineAndWhatToFixButNeverThePassword() {
        assertThatThrownBy(() -> parse("# ok\nonlyapassword-XYZ\n"))
                .isInstanceOf(CredentialsFile.FormatException.class)
                .hasMessageStartingWith("creds line 2: ")
                .hasMessageContaining("username:password")
                .hasMessageNotContaining("XYZ");
        assertThatThrownBy(() -> parse(":pw-XYZ")).hasMessageContaining("line 1").hasMessageContaining("username")
                .hasMessageNotContaining("XYZ");
        assertThatThrownBy(() -> parse("user:")).hasMessageContaining("password of 'user'");
        assertThatThrownBy(() -> parse("user:pa:ss-XYZ\nuser2:pa:ss")).hasMessageContaining("line 2")
                .hasMessageContaining("OUI-ProductClass-Serial").hasMessageContaining("cannot contain ':'")
                .hasMessageNotContaining("pa:ss");
        assertThatThrownBy(() -> parse("a:pw-XYZ\nb:x\na:pw2")).hasMessageContaining("line 3")
                .hasMessageContaining("already given on line 1").hasMessageNotContaining("XYZ");
        assertThatThrownBy(() -> parse("a:pw:00D09E-\u0001bad")).hasMessageContaining("control character");
    }

    private static Map<String, Credentials> parse(String text) throws Exception {
        return CredentialsFile.parse(new StringReader(text), "creds");
    }
}
