package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A desired parameter the device refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ParameterFailure {

    @JsonPropertyDescription("Parameter path.")
    private String path;

    @JsonPropertyDescription("The device's fault code (CWMP 9xxx, USP 7xxx).")
    private Integer faultCode;

    @JsonPropertyDescription("The device's fault message.")
    private String faultMessage;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Integer getFaultCode() {
        return faultCode;
    }

    public void setFaultCode(Integer faultCode) {
        this.faultCode = faultCode;
    }

    public String getFaultMessage() {
        return faultMessage;
    }

    public void setFaultMessage(String faultMessage) {
        this.faultMessage = faultMessage;
    }
}
