package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Facts about the device's digital twin. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TwinStatus {

    @JsonPropertyDescription("Parameters held in the twin.")
    private Integer parameterCount;

    @JsonPropertyDescription("When the full data model was last synchronised (RFC 3339).")
    private String lastFullSync;

    public Integer getParameterCount() {
        return parameterCount;
    }

    public void setParameterCount(Integer parameterCount) {
        this.parameterCount = parameterCount;
    }

    public String getLastFullSync() {
        return lastFullSync;
    }

    public void setLastFullSync(String lastFullSync) {
        this.lastFullSync = lastFullSync;
    }
}
