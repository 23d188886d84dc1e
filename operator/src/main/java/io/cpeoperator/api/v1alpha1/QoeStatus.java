package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.List;
import java.util.Map;

/**
 * Quality of experience computed from twin data: the summary of the last assessment. The full assessment (every
 * factor, every finding with all its evidence) is served at {@code /api/v1/devices/{namespace}/{name}/qoe}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeStatus {

    @JsonPropertyDescription("Score from 0 (unusable) to 100 (perfect); absent when too little is known to score.")
    @Min(0)
    @Max(100)
    private Integer score;

    @JsonPropertyDescription("Grade derived from the score: Excellent (90+), Good (75+), Fair (50+) or Poor.")
    private String grade;

    @JsonPropertyDescription("Score of each assessed factor (wifi, wan, system, mesh), 0-100. A factor the device "
            + "does not report is absent, never 100.")
    private Map<String, Integer> factors;

    @JsonPropertyDescription("What could not be assessed, and why.")
    private List<String> notAssessed;

    @JsonPropertyDescription("What lowers the score, most important first (at most 5).")
    private List<QoeFinding> findings;

    @JsonPropertyDescription("A short plain-English report, leading with what matters most.")
    private String report;

    @JsonPropertyDescription("When the checks last ran (RFC 3339).")
    private String evaluatedAt;

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getGrade() {
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    public Map<String, Integer> getFactors() {
        return factors;
    }

    public void setFactors(Map<String, Integer> factors) {
        this.factors = factors;
    }

    public List<String> getNotAssessed() {
        return notAssessed;
    }

    public void setNotAssessed(List<String> notAssessed) {
        this.notAssessed = notAssessed;
    }

    public List<QoeFinding> getFindings() {
        return findings;
    }

    public void setFindings(List<QoeFinding> findings) {
        this.findings = findings;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getEvaluatedAt() {
        return evaluatedAt;
    }

    public void setEvaluatedAt(String evaluatedAt) {
        this.evaluatedAt = evaluatedAt;
    }
}
