package io.cpeoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A CPE (home router, ONT, mesh node) managed through CWMP or USP. */
@Group(CpeDevice.GROUP)
@Version(CpeDevice.VERSION)
@ShortNames("cpe")
@ValidationRule(value = "has(self.spec)", message = "a CpeDevice needs a spec with identity and protocol")
@Categories("cpe")
@AdditionalPrinterColumn(name = "Protocol", jsonPath = ".spec.protocol", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".status.summary.modelName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Firmware", jsonPath = ".status.summary.softwareVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Connected", jsonPath = ".status.conditions[?(@.type==\"Connected\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Config", jsonPath = ".status.conditions[?(@.type==\"ConfigApplied\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "QoE", jsonPath = ".status.qoe.score", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Grade", jsonPath = ".status.qoe.grade", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Last-Contact", jsonPath = ".status.summary.lastContact", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class CpeDevice extends CustomResource<CpeDeviceSpec, CpeDeviceStatus> implements Namespaced {

    public static final String GROUP = "cpeoperator.io";
    public static final String VERSION = "v1alpha1";

    @Override
    protected CpeDeviceSpec initSpec() {
        return new CpeDeviceSpec();
    }

    @Override
    protected CpeDeviceStatus initStatus() {
        return new CpeDeviceStatus();
    }
}
