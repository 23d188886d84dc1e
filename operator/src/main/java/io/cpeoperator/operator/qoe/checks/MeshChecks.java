package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.FindingCodes;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.Ramp;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.signals.MeshSignals;
import io.cpeoperator.operator.qoe.signals.Reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mesh node's wireless backhaul: its signal and its rate. Not a mesh node: nothing to judge. */
public final class MeshChecks {

    private static final Factor F = Factor.MESH;

    private final QoeThresholds t;

    public MeshChecks(QoeThresholds thresholds) {
        this.t = thresholds;
    }

    public List<CheckResult> run(Optional<MeshSignals> signals) {
        if (signals.isEmpty()) {
            return List.of(CheckResult.notApplicable(F, "backhaul", "not a mesh node with a wireless backhaul"));
        }
        MeshSignals mesh = signals.get();
        int score = 100;
        List<String> said = new ArrayList<>();
        List<Reading> weak = new ArrayList<>();
        if (mesh.signalDbm().isPresent()) {
            double dbm = mesh.signalDbm().get();
            score = Math.min(score, Ramp.higherIsBetter(dbm, t.meshBackhaulDbm() + 10, t.meshBackhaulDbm()));
            said.add("the backhaul signal is " + Texts.dbm(dbm) + " (RCPI " + mesh.rcpi().get().valueText() + ")");
            if (dbm <= t.meshBackhaulDbm()) {
                weak.add(mesh.rcpi().get());
            }
        }
        if (mesh.rateKbps().isPresent()) {
            double mbps = mesh.rateKbps().get().value() / 1000;
            score = Math.min(score, Ramp.higherIsBetter(mbps, 3.0 * t.meshBackhaulMbps(), t.meshBackhaulMbps()));
            said.add("its rate " + Texts.whole(mbps) + " Mbps");
            if (mbps <= t.meshBackhaulMbps()) {
                weak.add(mesh.rateKbps().get());
            }
        }
        String observation = String.join(", ", said);
        if (weak.isEmpty()) {
            return List.of(CheckResult.assessed(F, "backhaul", score, observation));
        }
        Finding finding = new Finding(FindingCodes.MESH_BACKHAUL_WEAK, score <= 20 ? Severity.CRITICAL
                : Severity.WARNING, F, score, "The mesh backhaul is weak.", observation, Texts.evidence(weak),
                "Every client of this node shares that link: move the node closer to the main router (one room "
                        + "nearer), or connect it with a cable.");
        return List.of(CheckResult.raised(F, "backhaul", score, observation, finding));
    }
}
