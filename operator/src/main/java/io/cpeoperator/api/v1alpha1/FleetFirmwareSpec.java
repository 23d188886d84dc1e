package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Firmware for every device of the fleet, rolled out in waves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FleetFirmwareSpec {

    @JsonPropertyDescription("Software version the image contains.")
    @Required
    @Size(min = 1, max = 64)
    private String version;

    @JsonPropertyDescription("URL the devices download the image from (http, https or ftp).")
    @Required
    @Pattern(ApiPatterns.FIRMWARE_URL)
    @Size(max = 1024)
    private String url;

    @JsonPropertyDescription("Optional checksum as <algorithm>:<hex> (md5, sha1, sha256, sha512).")
    @Pattern(ApiPatterns.CHECKSUM)
    private String checksum;

    @JsonPropertyDescription("How the upgrade is staged; defaults apply when omitted.")
    private RolloutSpec rollout;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getChecksum() {
        return checksum;
    }

    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public RolloutSpec getRollout() {
        return rollout;
    }

    public void setRollout(RolloutSpec rollout) {
        this.rollout = rollout;
    }
}
