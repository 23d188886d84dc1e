package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.Objects;

/**
 * The fleet's QoE: how the scores are spread and how many devices have each grade. A figure that cannot be known
 * (no device scored yet) is absent, never 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeDistribution {

    @JsonPropertyDescription("Devices with a QoE score.")
    private Integer evaluated;

    @JsonPropertyDescription("Mean score of the evaluated devices, rounded (0-100); absent when none is evaluated.")
    @Min(0)
    @Max(100)
    private Integer mean;

    @JsonPropertyDescription("10th percentile of the scores (nearest rank): at least a tenth of the evaluated "
            + "devices score this or less; absent when none is evaluated.")
    @Min(0)
    @Max(100)
    private Integer p10;

    @JsonPropertyDescription("Median score (nearest rank); absent when none is evaluated.")
    @Min(0)
    @Max(100)
    private Integer p50;

    @JsonPropertyDescription("90th percentile of the scores (nearest rank); absent when none is evaluated.")
    @Min(0)
    @Max(100)
    private Integer p90;

    @JsonPropertyDescription("Devices graded Excellent (score 90+).")
    private Integer excellent;

    @JsonPropertyDescription("Devices graded Good (75-89).")
    private Integer good;

    @JsonPropertyDescription("Devices graded Fair (50-74).")
    private Integer fair;

    @JsonPropertyDescription("Devices graded Poor (below 50).")
    private Integer poor;

    @JsonPropertyDescription("Devices without a grade yet (not evaluated, or too little known to score).")
    private Integer unknown;

    public Integer getEvaluated() {
        return evaluated;
    }

    public void setEvaluated(Integer evaluated) {
        this.evaluated = evaluated;
    }

    public Integer getMean() {
        return mean;
    }

    public void setMean(Integer mean) {
        this.mean = mean;
    }

    public Integer getP10() {
        return p10;
    }

    public void setP10(Integer p10) {
        this.p10 = p10;
    }

    public Integer getP50() {
        return p50;
    }

    public void setP50(Integer p50) {
        this.p50 = p50;
    }

    public Integer getP90() {
        return p90;
    }

    public void setP90(Integer p90) {
        this.p90 = p90;
    }

    public Integer getExcellent() {
        return excellent;
    }

    public void setExcellent(Integer excellent) {
        this.excellent = excellent;
    }

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

    public Integer getUnknown() {
        return unknown;
    }

    public void setUnknown(Integer unknown) {
        this.unknown = unknown;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QoeDistribution that && Objects.equals(evaluated, that.evaluated)
                && Objects.equals(mean, that.mean) && Objects.equals(p10, that.p10) && Objects.equals(p50, that.p50)
                && Objects.equals(p90, that.p90) && Objects.equals(excellent, that.excellent)
                && Objects.equals(good, that.good) && Objects.equals(fair, that.fair)
                && Objects.equals(poor, that.poor) && Objects.equals(unknown, that.unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evaluated, mean, p10, p50, p90, excellent, good, fair, poor, unknown);
    }

    @Override
    public String toString() {
        return "QoeDistribution{evaluated=" + evaluated + ", mean=" + mean + ", p10=" + p10 + ", p50=" + p50
                + ", p90=" + p90 + ", excellent=" + excellent + ", good=" + good + ", fair=" + fair + ", poor=" + poor
                + ", unknown=" + unknown + "}";
    }
}
