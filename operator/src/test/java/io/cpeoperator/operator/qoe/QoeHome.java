package io.cpeoperator.operator.qoe;

import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.qoe.history.DeviceHistory;
import io.cpeoperator.operator.qoe.signals.DeviceSignals;
import io.cpeoperator.operator.qoe.signals.SignalReader;
import io.cpeoperator.operator.testing.FakeDeviceGateway;
import io.cpeoperator.operator.testing.MutableClock;
import io.cpeoperator.operator.testing.Tr181Trees;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One home for a QoE test: a device in a fake gateway's twin store, a clock the test moves, and the device's history.
 * {@link #assess()} reads the twin, records it in the history and evaluates it, as the operator does.
 */
public final class QoeHome {

    public static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final FakeDeviceGateway gateway = new FakeDeviceGateway(clock);
    public final DeviceIdentity identity;
    public final DeviceHistory history = new DeviceHistory();
    private QoeThresholds thresholds = QoeThresholds.defaults();

    private QoeHome(DeviceIdentity identity) {
        this.identity = identity;
    }

    public static QoeHome connected(HomeTrees tree) {
        QoeHome home = new QoeHome(Tr181Trees.uspIdentity("QOE0001"));
        home.gateway.connect(home.identity, tree.tree());
        return home;
    }

    public static HomeTrees tr181() {
        return HomeTrees.tr181(Tr181Trees.uspIdentity("QOE0001"));
    }

    public static HomeTrees tr098() {
        return HomeTrees.tr098(Tr181Trees.cwmpIdentity("QOE0098"));
    }

    public static QoeHome connectedTr098(HomeTrees tree) {
        QoeHome home = new QoeHome(Tr181Trees.cwmpIdentity("QOE0098"));
        home.gateway.connect(home.identity, tree.tree());
        return home;
    }

    public QoeHome with(QoeThresholds newThresholds) {
        this.thresholds = newThresholds;
        return this;
    }

    /** Moves the clock, then the device reports the values (observed at the new time). */
    public QoeHome after(Duration wait, Map<String, String> values) {
        clock.advance(wait);
        gateway.change(identity.id(), values);
        return this;
    }

    public DeviceSignals signals() {
        return new SignalReader().read(gateway.twins(), identity.id(), clock.instant()).orElseThrow();
    }

    /** Reads the twin, records it in the history and evaluates it. */
    public QoeAssessment assess() {
        DeviceSignals signals = signals();
        history.record(signals);
        return new QoeEvaluator().evaluate(signals, history, thresholds);
    }

    /** The finding with this code, if raised. */
    public static Optional<Finding> finding(QoeAssessment assessment, String code) {
        return assessment.findings().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public static List<String> codes(QoeAssessment assessment) {
        return assessment.findings().stream().map(Finding::code).toList();
    }

    /** The named check of a factor. */
    public static CheckResult check(QoeAssessment assessment, Factor factor, String name) {
        return assessment.factor(factor).orElseThrow().checks().stream().filter(c -> c.check().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + factor.key() + "." + name));
    }
}
