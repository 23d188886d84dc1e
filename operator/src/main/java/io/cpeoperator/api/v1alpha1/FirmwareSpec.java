package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** The firmware a device should run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FirmwareSpec {

    @JsonPropertyDescription("Software version the image contains, compared with the version the device reports (e.g. 3.2.1).")
    @Required
    @Size(min = 1, max = 64)
    private String version;

    @JsonPropertyDescription("URL the device downloads the image from (http, https or ftp).")
    @Required
    @Pattern(ApiPatterns.FIRMWARE_URL)
    @Size(max = 1024)
    private String url;

    @JsonPropertyDescription("Optional checksum of the image as <algorithm>:<hex>, e.g. sha256:9f86d0...; algorithms md5, sha1, sha256, sha512.")
    @Pattern(ApiPatterns.CHECKSUM)
    private String checksum;

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

    @Override
    public boolean equals(Object o) {
        return o instanceof FirmwareSpec other
                && Objects.equals(version, other.version)
                && Objects.equals(url, other.url)
                && Objects.equals(checksum, other.checksum);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, url, checksum);
    }
}
