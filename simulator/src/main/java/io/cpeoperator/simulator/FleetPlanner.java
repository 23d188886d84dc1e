package io.cpeoperator.simulator;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.DeviceProfile.Transport;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.model.Wander;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.scenario.ScenarioPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Decides the fleet: each device's transport (exact proportions of the mix), vendor model, firmware, identity and
 * scenarios, all reproducible from the seed.
 */
final class FleetPlanner {

    private FleetPlanner() {
    }

    static List<DeviceProfile> plan(SimulatorConfig config, ModelCatalog catalog) {
        int n = config.devices();
        Random random = new Random(config.seed());
        List<Transport> transports = transports(config.mix(), n, random);
        List<VendorModel> models = new ArrayList<>(n);
        for (Transport transport : transports) {
            List<VendorModel> eligible = ModelCatalog.modelsFor(transport.isUsp()).stream()
                    .filter(m -> config.models().isEmpty() || config.models().contains(m.productClass())).toList();
            if (eligible.isEmpty()) {
                throw new IllegalArgumentException("no model among " + config.models() + " can run " + transport.label());
            }
            // an explicit model list is dealt out in turn, so every listed model appears; otherwise at random
            models.add(config.models().isEmpty() ? eligible.get(random.nextInt(eligible.size()))
                    : eligible.get(models.size() % eligible.size()));
        }
        List<Set<Scenario>> scenarios = scenarios(config.scenarios(), models, random,
                AccessNetwork.plan(config.seed(), n));
        List<DeviceProfile> profiles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            VendorModel model = models.get(i);
            Transport transport = transports.get(i);
            Set<Scenario> assigned = scenarios.get(i);
            String serial = String.format("SIM%08d", config.serialOffset() + i);
            String firmware = assigned.contains(Scenario.REBOOT_LOOP) ? model.buggyFirmware()
                    : model.firmwareVersions().get(random.nextInt(model.firmwareVersions().size()));
            String endpoint = transport.isUsp() ? "os::" + model.oui() + "-" + serial : "";
            DeviceId id = transport.isUsp() ? DeviceId.usp(endpoint) : DeviceId.cwmp(model.oui(), model.productClass(), serial);
            long seed = Wander.mix(config.seed() * 1_000_003L + i);
            profiles.add(new DeviceProfile(id, model, catalog.schema(model, transport.mqttVersion()), transport, serial,
                    endpoint, firmware, seed, assigned));
        }
        return profiles;
    }

    /** Largest-remainder allocation, then shuffled: 50/50 of 10 devices is exactly 5 and 5. */
    private static List<Transport> transports(Map<Transport, Integer> mix, int n, Random random) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        List<Transport> result = new ArrayList<>(n);
        List<Map.Entry<Transport, Integer>> entries = new ArrayList<>(mix.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        double[] remainders = new double[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            double exact = (double) n * entries.get(k).getValue() / total;
            int whole = (int) Math.floor(exact);
            remainders[k] = exact - whole;
            for (int j = 0; j < whole; j++) {
                result.add(entries.get(k).getKey());
            }
        }
        while (result.size() < n) {
            int best = 0;
            for (int k = 1; k < remainders.length; k++) {
                if (remainders[k] > remainders[best]) {
                    best = k;
                }
            }
            result.add(entries.get(best).getKey());
            remainders[best] = -1;
        }
        Collections.shuffle(result, random);
        return result;
    }

    private static List<Set<Scenario>> scenarios(ScenarioPlan plan, List<VendorModel> models, Random random,
                                                 AccessNetwork access) {
        List<Set<Scenario>> assigned = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            assigned.add(EnumSet.noneOf(Scenario.class));
        }
        for (ScenarioPlan.Entry entry : plan.entries()) {
            if (entry.scenario() == Scenario.HEALTHY) {
                continue;
            }
            if (entry.scenario() == Scenario.BAD_ACCESS_NODE) {
                // a failing node hits every device behind it: the entry counts nodes, not devices
                Set<String> nodes = new java.util.LinkedHashSet<>();
                for (Integer index : entry.indexes()) {
                    if (index >= 0 && index < models.size()) {
                        nodes.add(access.nodeOf(index));
                    }
                }
                nodes.addAll(access.pick(entry.randomCount(access.nodes().size()), random));
                for (String node : nodes) {
                    access.devicesOn(node).forEach(index -> assigned.get(index).add(Scenario.BAD_ACCESS_NODE));
                }
                continue;
            }
            for (Integer index : entry.indexes()) {
                if (index >= 0 && index < models.size()) {
                    Optional<String> unfit = ScenarioFit.whyNot(entry.scenario(), models.get(index));
                    if (unfit.isPresent()) {
                        throw new IllegalArgumentException("device @" + index + ": " + unfit.get());
                    }
                    assigned.get(index).add(entry.scenario());
                }
            }
            // percentages and counts choose among the devices that can show the condition
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                if (fits(entry.scenario(), models.get(i)) && !assigned.get(i).contains(entry.scenario())) {
                    candidates.add(i);
                }
            }
            Collections.shuffle(candidates, random);
            int wanted = Math.min(candidates.size(), entry.randomCount(models.size()));
            for (int k = 0; k < wanted; k++) {
                assigned.get(candidates.get(k)).add(entry.scenario());
            }
        }
        return assigned;
    }

    /** Some conditions need hardware (a mesh backhaul, a PPPoE WAN, a known-buggy firmware) or data-model parts. */
    static boolean fits(Scenario scenario, VendorModel model) {
        return ScenarioFit.fits(scenario, model);
    }
}
