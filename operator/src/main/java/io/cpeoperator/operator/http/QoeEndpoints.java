package io.cpeoperator.operator.http;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.FactorResult;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeService;
import io.cpeoperator.operator.qoe.signals.Evidence;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full QoE assessment of a device: {@code GET /api/v1/devices/{namespace}/{name}/qoe} answers with every factor,
 * every check (assessed or not, and why), every finding with all its evidence, and the report, as last evaluated.
 * 404 for an unknown resource or a device not evaluated yet; 400 for a malformed name.
 */
public final class QoeEndpoints {

    private final DeviceLookup devices;
    private final QoeService qoe;

    public QoeEndpoints(KubernetesClient client, QoeService qoe) {
        this.devices = new DeviceLookup(client);
        this.qoe = qoe;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/devices/{namespace}/{name}/qoe", this::assessment));
    }

    private void assessment(HttpExchange exchange, List<String> vars) {
        exchange.allowOnlyQuery(Set.of());
        String resource = vars.get(0) + "/" + vars.get(1);
        DeviceId id = devices.deviceId(vars.get(0), vars.get(1));
        if (id == null) {
            throw new HttpProblem(404, "no CpeDevice " + resource + " with a device identity");
        }
        Optional<QoeAssessment> assessment = qoe.latest(id);
        if (assessment.isEmpty()) {
            throw new HttpProblem(404, "the QoE of " + resource + " has not been evaluated since the operator "
                    + "started (it is, once its data model is in the twin)");
        }
        exchange.json(200, view(resource, id, assessment.get()));
    }

    static Map<String, Object> view(String resource, DeviceId id, QoeAssessment a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", resource);
        body.put("device", id.toString());
        body.put("evaluatedAt", Conditions.format(a.evaluatedAt()));
        body.put("dataModel", a.dataModel());
        a.score().ifPresent(score -> body.put("score", score));
        a.grade().ifPresent(grade -> body.put("grade", grade.label()));
        body.put("verdict", a.verdict().name());
        List<Map<String, Object>> factors = new ArrayList<>();
        for (FactorResult factor : a.factors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("factor", factor.factor().key());
            factor.score().ifPresent(score -> item.put("score", score));
            List<Map<String, Object>> checks = new ArrayList<>();
            for (CheckResult check : factor.checks()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("check", check.check());
                c.put("state", check.state().name());
                if (check.assessed()) {
                    c.put("score", check.score());
                }
                c.put("observation", check.observation());
                check.finding().ifPresent(f -> c.put("finding", f.code()));
                checks.add(c);
            }
            item.put("checks", checks);
            factors.add(item);
        }
        body.put("factors", factors);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : a.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", finding.code());
            item.put("severity", finding.severity().label());
            item.put("factor", finding.factor().key());
            item.put("message", finding.message());
            item.put("action", finding.action());
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Evidence e : finding.evidence()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", e.path());
                entry.put("value", e.value());
                if (e.observedAt() != null) {
                    entry.put("observedAt", Conditions.format(e.observedAt()));
                }
                evidence.add(entry);
            }
            item.put("evidence", evidence);
            findings.add(item);
        }
        body.put("findings", findings);
        body.put("notAssessed", a.notAssessed());
        body.put("report", a.report());
        return body;
    }
}
