package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WAN latency, loss and QoE grouped by access node, in two passes. The first pass finds, for every window hour, the
 * fleet's median device (latency, loss, QoE). The second marks a device-hour degraded when its latency is
 * {@code latencyFactor} times that median and {@code latencyMarginMs} above it, or its loss
 * {@code lossMarginPercent} points above, or its QoE {@code qoeMargin} points below. A node-hour is degraded when
 * {@code nodeDegradedShare} of at least {@code minNodeDevices} of the node's devices are while at most
 * {@code restDegradedShare} of the other nodes' devices are; a node is named with at least
 * {@code minNodeDegradedHours} such hours.
 */
final class AccessNodeBottlenecks {

    private static final int LATENCY_BINS = 1024;
    private static final int LOSS_BINS = 256;
    private static final int QOE_BINS = 201;

    private final InsightSettings settings;
    private final WindowClock clock;
    private final int hours;
    private final Map<String, Integer> nodeIndex = new LinkedHashMap<>();
    private final List<String> nodeNames = new ArrayList<>();
    private final int[] latencyHistogram;
    private final int[] lossHistogram;
    private final int[] qoeHistogram;
    private double[] medianLatency;
    private double[] medianLoss;
    private double[] medianQoe;
    // second pass, by node * hours + row
    private int[] nodeDevices;
    private int[] observed;
    private int[] degraded;
    private double[] latencySum;
    private int[] latencyCount;
    private double[] lossSum;
    private int[] lossCount;
    private double[] qoeSum;
    private int[] qoeCount;
    private int[] allObserved;
    private int[] allDegraded;

    AccessNodeBottlenecks(InsightSettings settings, WindowClock clock, int hours) {
        this.settings = settings;
        this.clock = clock;
        this.hours = hours;
        latencyHistogram = new int[hours * LATENCY_BINS];
        lossHistogram = new int[hours * LOSS_BINS];
        qoeHistogram = new int[hours * QOE_BINS];
    }

    /** The node's index, or -1 without a node. */
    int node(String accessNode) {
        if (accessNode == null) {
            return -1;
        }
        return nodeIndex.computeIfAbsent(accessNode, name -> {
            nodeNames.add(name);
            return nodeNames.size() - 1;
        });
    }

    boolean anyNode() {
        return !nodeNames.isEmpty();
    }

    /** First pass: every device, labelled or not, makes the fleet's medians. */
    void addToFleet(DeviceWindow w) {
        for (int r = 0; r < hours; r++) {
            float lat = w.latency[r];
            if (!Float.isNaN(lat)) {
                latencyHistogram[r * LATENCY_BINS + (int) Math.min(LATENCY_BINS - 1, lat)]++;
            }
            float loss = w.loss[r];
            if (!Float.isNaN(loss)) {
                lossHistogram[r * LOSS_BINS + (int) Math.min(LOSS_BINS - 1, loss * 10)]++;
            }
            float qoe = w.qoe[r];
            if (!Float.isNaN(qoe)) {
                qoeHistogram[r * QOE_BINS + (int) Math.min(QOE_BINS - 1, qoe * 2)]++;
            }
        }
    }

    /** Between the passes: the medians, and room for the nodes seen. */
    void prepare() {
        medianLatency = medians(latencyHistogram, LATENCY_BINS, 1.0);
        medianLoss = medians(lossHistogram, LOSS_BINS, 0.1);
        medianQoe = medians(qoeHistogram, QOE_BINS, 0.5);
        int cells = nodeNames.size() * hours;
        nodeDevices = new int[nodeNames.size()];
        observed = new int[cells];
        degraded = new int[cells];
        latencySum = new double[cells];
        latencyCount = new int[cells];
        lossSum = new double[cells];
        lossCount = new int[cells];
        qoeSum = new double[cells];
        qoeCount = new int[cells];
        allObserved = new int[hours];
        allDegraded = new int[hours];
    }

    /** Second pass: the devices with a node ({@link DeviceWindow#fillWan} is enough). */
    void addToNode(int node, DeviceWindow w) {
        nodeDevices[node]++;
        int base = node * hours;
        for (int r = 0; r < hours; r++) {
            float lat = w.latency[r];
            float loss = w.loss[r];
            float qoe = w.qoe[r];
            if (Float.isNaN(lat) && Float.isNaN(loss) && Float.isNaN(qoe)) {
                continue;
            }
            boolean bad = (!Float.isNaN(lat) && lat >= settings.latencyFactor() * medianLatency[r]
                    && lat >= medianLatency[r] + settings.latencyMarginMs())
                    || (!Float.isNaN(loss) && loss >= medianLoss[r] + settings.lossMarginPercent())
                    || (!Float.isNaN(qoe) && qoe <= medianQoe[r] - settings.qoeMargin());
            int i = base + r;
            observed[i]++;
            allObserved[r]++;
            if (bad) {
                degraded[i]++;
                allDegraded[r]++;
            }
            if (!Float.isNaN(lat)) {
                latencySum[i] += lat;
                latencyCount[i]++;
            }
            if (!Float.isNaN(loss)) {
                lossSum[i] += loss;
                lossCount[i]++;
            }
            if (!Float.isNaN(qoe)) {
                qoeSum[i] += qoe;
                qoeCount[i]++;
            }
        }
    }

    List<FleetInsight> insights() {
        List<FleetInsight> out = new ArrayList<>();
        for (int node = 0; node < nodeNames.size(); node++) {
            if (nodeDevices[node] >= settings.minNodeDevices()) {
                FleetInsight insight = judge(node);
                if (insight != null) {
                    out.add(insight);
                }
            }
        }
        return out;
    }

    private FleetInsight judge(int node) {
        int base = node * hours;
        int degradedHours = 0;
        long nodeObserved = 0;
        long nodeDegraded = 0;
        long restObserved = 0;
        long restDegraded = 0;
        double lat = 0;
        long latN = 0;
        double loss = 0;
        long lossN = 0;
        double qoe = 0;
        long qoeN = 0;
        double fleetLat = 0;
        double fleetLoss = 0;
        double fleetQoe = 0;
        int[] daysAtHour = new int[24];
        boolean[] days = new boolean[clock.days];
        for (int r = 0; r < hours; r++) {
            int i = base + r;
            int n = observed[i];
            int restN = allObserved[r] - n;
            int restBad = allDegraded[r] - degraded[i];
            if (n < settings.minNodeDevices() || degraded[i] < settings.nodeDegradedShare() * n || restN == 0
                    || restBad > settings.restDegradedShare() * restN) {
                continue;
            }
            degradedHours++;
            nodeObserved += n;
            nodeDegraded += degraded[i];
            restObserved += restN;
            restDegraded += restBad;
            lat += latencySum[i];
            latN += latencyCount[i];
            loss += lossSum[i];
            lossN += lossCount[i];
            qoe += qoeSum[i];
            qoeN += qoeCount[i];
            fleetLat += medianLatency[r];
            fleetLoss += medianLoss[r];
            fleetQoe += medianQoe[r];
            daysAtHour[clock.hourOfDay[r]]++;
            days[clock.day[r]] = true;
        }
        if (degradedHours < settings.minNodeDegradedHours()) {
            return null;
        }
        boolean[] recurring = new boolean[24];
        boolean anyRecurring = false;
        for (int h = 0; h < 24; h++) {
            recurring[h] = daysAtHour[h] >= 2;
            anyRecurring |= recurring[h];
        }
        int dayCount = 0;
        for (boolean d : days) {
            dayCount += d ? 1 : 0;
        }
        String name = nodeNames.get(node);
        String when = anyRecurring ? ", mostly at " + Insights.hourRuns(recurring) : "";
        double nodeLatency = latN == 0 ? Double.NaN : lat / latN;
        String wan = Insights.format("WAN latency %.0f ms and loss %.1f %% against %.0f ms and %.1f %% for the fleet's"
                        + " median device then", nodeLatency, lossN == 0 ? Double.NaN : loss / lossN,
                fleetLat / degradedHours, fleetLoss / degradedHours);
        String qoePart = qoeN == 0 ? "" : Insights.format(", QoE %.0f against %.0f", qoe / qoeN, fleetQoe / degradedHours);
        String message = Insights.format("Access node %s: %.0f %% of its %,d devices degraded together in %d hours on %d"
                        + " days%s: %s%s; %.0f %% of the other nodes' devices were degraded in those hours.", name,
                100.0 * nodeDegraded / nodeObserved, nodeDevices[node], degradedHours, dayCount, when, wan, qoePart,
                100.0 * restDegraded / Math.max(1, restObserved));
        return Insights.of(Insights.ACCESS_NODE_BOTTLENECK, Insights.WARNING, name, message, nodeDevices[node],
                Double.isNaN(nodeLatency) ? null : nodeLatency, Double.isNaN(nodeLatency) ? null : fleetLat / degradedHours,
                "ms WAN latency");
    }

    private double[] medians(int[] histogram, int bins, double width) {
        double[] out = new double[hours];
        for (int r = 0; r < hours; r++) {
            int base = r * bins;
            int total = 0;
            for (int b = 0; b < bins; b++) {
                total += histogram[base + b];
            }
            out[r] = Double.NaN;
            int seen = 0;
            for (int b = 0; b < bins && total > 0; b++) {
                seen += histogram[base + b];
                if (seen >= (total + 1) / 2) {
                    out[r] = b * width;
                    break;
                }
            }
        }
        return out;
    }
}
