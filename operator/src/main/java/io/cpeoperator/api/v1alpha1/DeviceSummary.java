package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** A small summary of the device's state taken from its twin; full parameter trees never go into the Kubernetes API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeviceSummary {

    @JsonPropertyDescription("Manufacturer name (DeviceInfo.Manufacturer).")
    private String manufacturer;

    @JsonPropertyDescription("Model name (DeviceInfo.ModelName, or the product class when the device reports no model name).")
    private String modelName;

    @JsonPropertyDescription("Product class (DeviceInfo.ProductClass).")
    private String productClass;

    @JsonPropertyDescription("Running firmware version (DeviceInfo.SoftwareVersion).")
    private String softwareVersion;

    @JsonPropertyDescription("Hardware revision (DeviceInfo.HardwareVersion).")
    private String hardwareVersion;

    @JsonPropertyDescription("Data model of the device: TR-181 (Device.) or TR-098 (InternetGatewayDevice.).")
    private String dataModel;

    @JsonPropertyDescription("When the device last booted (RFC 3339), derived from its uptime.")
    private String bootTime;

    @JsonPropertyDescription("When the device was last heard from (RFC 3339); refreshed at a bounded rate.")
    private String lastContact;

    @JsonPropertyDescription("WAN IP address.")
    private String wanAddress;

    @JsonPropertyDescription("WAN access type, e.g. DSL, Ethernet, PON, Cellular.")
    private String wanAccessType;

    @JsonPropertyDescription("CPU usage in percent.")
    private Integer cpuPercent;

    @JsonPropertyDescription("Memory in use, in percent of the total.")
    private Integer memoryPercent;

    @JsonPropertyDescription("Highest temperature sensor reading in degrees Celsius.")
    private Integer temperatureCelsius;

    @JsonPropertyDescription("Wi-Fi radios with channel, load and clients.")
    private List<WifiRadioSummary> radios;

    @JsonPropertyDescription("Hosts (LAN and Wi-Fi clients) the device knows about.")
    private Integer hostCount;

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = modelName;
    }

    public String getProductClass() {
        return productClass;
    }

    public void setProductClass(String productClass) {
        this.productClass = productClass;
    }

    public String getSoftwareVersion() {
        return softwareVersion;
    }

    public void setSoftwareVersion(String softwareVersion) {
        this.softwareVersion = softwareVersion;
    }

    public String getHardwareVersion() {
        return hardwareVersion;
    }

    public void setHardwareVersion(String hardwareVersion) {
        this.hardwareVersion = hardwareVersion;
    }

    public String getDataModel() {
        return dataModel;
    }

    public void setDataModel(String dataModel) {
        this.dataModel = dataModel;
    }

    public String getBootTime() {
        return bootTime;
    }

    public void setBootTime(String bootTime) {
        this.bootTime = bootTime;
    }

    public String getLastContact() {
        return lastContact;
    }

    public void setLastContact(String lastContact) {
        this.lastContact = lastContact;
    }

    public String getWanAddress() {
        return wanAddress;
    }

    public void setWanAddress(String wanAddress) {
        this.wanAddress = wanAddress;
    }

    public String getWanAccessType() {
        return wanAccessType;
    }

    public void setWanAccessType(String wanAccessType) {
        this.wanAccessType = wanAccessType;
    }

    public Integer getCpuPercent() {
        return cpuPercent;
    }

    public void setCpuPercent(Integer cpuPercent) {
        this.cpuPercent = cpuPercent;
    }

    public Integer getMemoryPercent() {
        return memoryPercent;
    }

    public void setMemoryPercent(Integer memoryPercent) {
        this.memoryPercent = memoryPercent;
    }

    public Integer getTemperatureCelsius() {
        return temperatureCelsius;
    }

    public void setTemperatureCelsius(Integer temperatureCelsius) {
        this.temperatureCelsius = temperatureCelsius;
    }

    public List<WifiRadioSummary> getRadios() {
        return radios;
    }

    public void setRadios(List<WifiRadioSummary> radios) {
        this.radios = radios;
    }

    public Integer getHostCount() {
        return hostCount;
    }

    public void setHostCount(Integer hostCount) {
        this.hostCount = hostCount;
    }
}
