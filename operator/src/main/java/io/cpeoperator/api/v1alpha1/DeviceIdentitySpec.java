package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.Objects;

/** How a device is recognised when it connects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceIdentitySpec {

    @JsonPropertyDescription("Manufacturer OUI: six hexadecimal digits, as in the CWMP Inform DeviceId (e.g. 00D09E). Required for CWMP.")
    @Pattern("^[0-9A-Fa-f]{6}$")
    private String oui;

    @JsonPropertyDescription("Product class as the device reports it (CWMP DeviceId.ProductClass); may be omitted when the device reports none.")
    @Size(max = 64)
    private String productClass;

    @JsonPropertyDescription("Serial number as the device reports it. Required for CWMP.")
    @Size(min = 1, max = 64)
    private String serialNumber;

    @JsonPropertyDescription("USP endpoint ID of the agent, e.g. os::00D09E-0123456789. Required for USP.")
    @Pattern("^[A-Za-z0-9]+:[^\\s]*:[^\\s]+$")
    @Size(max = 256)
    private String endpointId;

    public DeviceIdentitySpec() {
    }

    public static DeviceIdentitySpec cwmp(String oui, String productClass, String serialNumber) {
        DeviceIdentitySpec identity = new DeviceIdentitySpec();
        identity.setOui(oui);
        identity.setProductClass(productClass);
        identity.setSerialNumber(serialNumber);
        return identity;
    }

    public static DeviceIdentitySpec usp(String endpointId) {
        DeviceIdentitySpec identity = new DeviceIdentitySpec();
        identity.setEndpointId(endpointId);
        return identity;
    }

    public String getOui() {
        return oui;
    }

    public void setOui(String oui) {
        this.oui = oui;
    }

    public String getProductClass() {
        return productClass;
    }

    public void setProductClass(String productClass) {
        this.productClass = productClass;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getEndpointId() {
        return endpointId;
    }

    public void setEndpointId(String endpointId) {
        this.endpointId = endpointId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceIdentitySpec other
                && Objects.equals(oui, other.oui)
                && Objects.equals(productClass, other.productClass)
                && Objects.equals(serialNumber, other.serialNumber)
                && Objects.equals(endpointId, other.endpointId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oui, productClass, serialNumber, endpointId);
    }
}
