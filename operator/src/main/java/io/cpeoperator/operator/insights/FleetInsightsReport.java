package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.List;

/**
 * What {@link FleetInsights#compute} found: the insights, most important first, and a paragraph that leads with them.
 *
 * @param devices    devices with any hourly data in the window
 * @param deviceDays hours of data over all devices, divided by 24
 */
public record FleetInsightsReport(List<FleetInsight> insights, String report, int devices, double deviceDays) {

    public FleetInsightsReport {
        insights = List.copyOf(insights);
    }
}
