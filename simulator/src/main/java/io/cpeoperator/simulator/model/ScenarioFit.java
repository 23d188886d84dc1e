package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

import java.util.Optional;

/**
 * Which conditions a model can show in its data model. A scenario goes only to devices whose root has the
 * parameters its signature lives in; otherwise the ground truth would promise findings no analysis could make.
 *
 * <p>TR-098 ({@code InternetGatewayDevice.}) has DeviceInfo memory, process and temperature status, IPPing
 * diagnostics, LAN DHCP lease times and hosts, but no standard per-client Wi-Fi signal, noise or neighbour scan.
 */
public final class ScenarioFit {

    private ScenarioFit() {
    }

    /** Why {@code model} cannot show {@code scenario}, or empty when it can. */
    public static Optional<String> whyNot(Scenario scenario, VendorModel model) {
        String reason = switch (scenario) {
            case WEAK_SIGNAL, INTERFERENCE, RECURRING_INTERFERENCE, HIGH_NOISE, STICKY_2G -> model.perClientWifiData() ? null
                    : "its " + model.dataModel() + " data model has no per-client Wi-Fi signal, noise or neighbour scan";
            case PPPOE_FLAPS -> model.pppoeWan() ? null : "it has no PPPoE WAN";
            case MESH_BACKHAUL -> model.meshNode() ? null : "it is not a mesh node";
            case REBOOT_LOOP -> model.buggyFirmware().isEmpty() ? "it has no known-buggy firmware to crash on" : null;
            default -> null;
        };
        return reason == null ? Optional.empty()
                : Optional.of(model.productClass() + " cannot show " + scenario.cliName() + ": " + reason);
    }

    public static boolean fits(Scenario scenario, VendorModel model) {
        return whyNot(scenario, model).isEmpty();
    }
}
