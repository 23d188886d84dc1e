package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A subtree of the data model kept fresh in the twins. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelemetrySubtree {

    @JsonPropertyDescription("Partial path ending in '.', or a parameter; '*' allowed for instance numbers, e.g. Device.WiFi.AccessPoint.*.AssociatedDevice.")
    @Required
    @Pattern(ApiPatterns.PATH_PATTERN)
    @Size(max = 256)
    private String path;

    @JsonPropertyDescription("How old its values may get before they are refreshed (ISO-8601 duration, e.g. PT5M).")
    @Required
    @Pattern(ApiPatterns.DURATION)
    private String maxAge;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(String maxAge) {
        this.maxAge = maxAge;
    }
}
