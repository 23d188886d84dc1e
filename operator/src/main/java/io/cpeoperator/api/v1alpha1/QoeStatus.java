package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.ArrayList;
import java.util.List;

/** Quality of experience computed from twin data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QoeStatus {

    @JsonPropertyDescription("Score from 0 (unusable) to 100 (perfect).")
    @Min(0)
    @Max(100)
    private Integer score;

    @JsonPropertyDescription("Grade derived from the score: Good, Fair, Poor or Bad.")
    private String grade;

    @JsonPropertyDescription("What lowers the score, worst first.")
    private List<QoeFinding> findings;

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

    public List<QoeFinding> getFindings() {
        return findings;
    }

    public void setFindings(List<QoeFinding> findings) {
        this.findings = findings;
    }

    public String getEvaluatedAt() {
        return evaluatedAt;
    }

    public void setEvaluatedAt(String evaluatedAt) {
        this.evaluatedAt = evaluatedAt;
    }
}
