package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.cpeoperator.operator.qoe.Grade;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** CpeDevices with just the status the fleet aggregates read. */
final class TestDevices {

    private final CpeDevice device = new CpeDevice();

    private TestDevices(String namespace, String name) {
        device.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        device.getMetadata().setLabels(new LinkedHashMap<>());
        device.setStatus(new CpeDeviceStatus());
    }

    static TestDevices device(String name) {
        return new TestDevices("ns", name);
    }

    static TestDevices device(String namespace, String name) {
        return new TestDevices(namespace, name);
    }

    TestDevices label(String key, String value) {
        device.getMetadata().getLabels().put(key, value);
        return this;
    }

    TestDevices condition(String type, String status) {
        device.getStatus().getConditions().removeIf(c -> c.getType().equals(type));
        device.getStatus().getConditions().add(new ConditionBuilder().withType(type).withStatus(status)
                .withReason("Test").withMessage("test").withLastTransitionTime("2025-01-01T00:00:00Z").build());
        return this;
    }

    /** A score and the grade the QoE engine derives from it. */
    TestDevices score(int score) {
        qoe().setScore(score);
        qoe().setGrade(Grade.of(score).label());
        return this;
    }

    TestDevices findings(String... codes) {
        List<QoeFinding> findings = new ArrayList<>();
        for (String code : codes) {
            QoeFinding finding = new QoeFinding();
            finding.setCode(code);
            finding.setSeverity("Warning");
            findings.add(finding);
        }
        qoe().setFindings(findings);
        return this;
    }

    TestDevices firmware(String version) {
        summary().setSoftwareVersion(version);
        return this;
    }

    TestDevices model(String model) {
        summary().setModelName(model);
        return this;
    }

    TestDevices lastContact(String time) {
        summary().setLastContact(time);
        return this;
    }

    CpeDevice build() {
        return device;
    }

    private QoeStatus qoe() {
        if (device.getStatus().getQoe() == null) {
            device.getStatus().setQoe(new QoeStatus());
        }
        return device.getStatus().getQoe();
    }

    private DeviceSummary summary() {
        if (device.getStatus().getSummary() == null) {
            device.getStatus().setSummary(new DeviceSummary());
        }
        return device.getStatus().getSummary();
    }
}
