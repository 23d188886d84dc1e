package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One Wi-Fi radio as the device reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WifiRadioSummary {

    @JsonPropertyDescription("Radio name or path, e.g. Device.WiFi.Radio.1.")
    private String name;

    @JsonPropertyDescription("Frequency band: 2.4GHz, 5GHz or 6GHz.")
    private String band;

    @JsonPropertyDescription("Current channel.")
    private Integer channel;

    @JsonPropertyDescription("Operating channel bandwidth, e.g. 80MHz.")
    private String bandwidth;

    @JsonPropertyDescription("Channel utilization in percent (0-100).")
    private Integer utilizationPercent;

    @JsonPropertyDescription("Noise floor in dBm.")
    private Integer noiseDbm;

    @JsonPropertyDescription("Associated clients on this radio.")
    private Integer clients;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBand() {
        return band;
    }

    public void setBand(String band) {
        this.band = band;
    }

    public Integer getChannel() {
        return channel;
    }

    public void setChannel(Integer channel) {
        this.channel = channel;
    }

    public String getBandwidth() {
        return bandwidth;
    }

    public void setBandwidth(String bandwidth) {
        this.bandwidth = bandwidth;
    }

    public Integer getUtilizationPercent() {
        return utilizationPercent;
    }

    public void setUtilizationPercent(Integer utilizationPercent) {
        this.utilizationPercent = utilizationPercent;
    }

    public Integer getNoiseDbm() {
        return noiseDbm;
    }

    public void setNoiseDbm(Integer noiseDbm) {
        this.noiseDbm = noiseDbm;
    }

    public Integer getClients() {
        return clients;
    }

    public void setClients(Integer clients) {
        this.clients = clients;
    }
}
