package io.cpeoperator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A group of CpeDevices selected by labels, with configuration, firmware and QoE settings for all of them. */
@Group(CpeDevice.GROUP)
@Version(CpeDevice.VERSION)
@ShortNames("cpef")
@ValidationRule(value = "has(self.spec)", message = "a CpeFleet needs a spec with a selector")
@Categories("cpe")
@AdditionalPrinterColumn(name = "Devices", jsonPath = ".status.devices", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Connected", jsonPath = ".status.connected", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Healthy", jsonPath = ".status.healthy", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Firmware-Rollout", jsonPath = ".status.rollout.progress", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class CpeFleet extends CustomResource<CpeFleetSpec, CpeFleetStatus> implements Namespaced {

    @Override
    protected CpeFleetSpec initSpec() {
        return new CpeFleetSpec();
    }

    @Override
    protected CpeFleetStatus initStatus() {
        return new CpeFleetStatus();
    }
}
