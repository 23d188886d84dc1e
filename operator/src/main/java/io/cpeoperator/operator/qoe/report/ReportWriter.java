package io.cpeoperator.operator.qoe.report;

import io.cpeoperator.operator.qoe.QoeAssessment;

/** Writes the plain-English report of an assessment. */
public interface ReportWriter {

    /** The report for the assessment; never null, never throws. */
    String write(QoeAssessment assessment);
}
