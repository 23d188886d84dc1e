package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Devices per QoE grade. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeDistribution {

    @JsonPropertyDescription("Devices graded Good.")
    private Integer good;

    @JsonPropertyDescription("Devices graded Fair.")
    private Integer fair;

    @JsonPropertyDescription("Devices graded Poor.")
    private Integer poor;

    @JsonPropertyDescription("Devices graded Bad.")
    private Integer bad;

    @JsonPropertyDescription("Devices not yet evaluated.")
    private Integer unknown;

    public Integer getGood() {
        return good;
    }

    public void setGood(Integer good) {
        this.good = good;
    }

    public Integer getFair() {
        return fair;
    }

    public void setFair(Integer fair) {
        this.fair = fair;
    }

    public Integer getPoor() {
        return poor;
    }

    public void setPoor(Integer poor) {
        this.poor = poor;
    }

    public Integer getBad() {
        return bad;
    }

    public void setBad(Integer bad) {
        this.bad = bad;
    }

    public Integer getUnknown() {
        return unknown;
    }

    public void setUnknown(Integer unknown) {
        this.unknown = unknown;
    }
}
