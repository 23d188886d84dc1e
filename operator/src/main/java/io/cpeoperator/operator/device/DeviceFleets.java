package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ConfigSource;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.ParameterConflict;
import io.cpeoperator.operator.fleet.DesiredFirmware;
import io.cpeoperator.operator.fleet.DesiredParameters;
import io.cpeoperator.operator.fleet.FirmwareResolver;
import io.cpeoperator.operator.fleet.FleetDirectory;
import io.cpeoperator.operator.fleet.ParameterResolver;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmissions;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The fleet step of a device's reconcile: which fleets select the device, and what they want of it merged with its
 * own spec. A change to a fleet's spec, or its deletion, wakes the devices it selects and those that still name it in
 * their status (so a device a fleet no longer selects drops the fleet's values at once); fleet status writes wake
 * nobody.
 */
public final class DeviceFleets {

    static final String FLEETS_EVENT_SOURCE = "device-fleets";

    private final FleetDirectory directory;
    private final RolloutAdmissions admissions;
    private final FirmwareResolver firmware;
    private volatile Consumer<ResourceID> wake = id -> { };

    public DeviceFleets(FleetDirectory directory, RolloutAdmissions admissions) {
        this.directory = directory;
        this.admissions = admissions;
        this.firmware = new FirmwareResolver(admissions);
    }

    /** What the device's fleets and its own spec ask for. */
    public record Wanted(List<CpeFleet> fleets, DesiredParameters parameters, DesiredFirmware firmware) {
    }

    /** Wakes a device's reconciler (the fleet reconciler does, after admitting it to a rollout). */
    public void wake(ResourceID device) {
        wake.accept(device);
    }

    /** The CpeDevice was deleted. */
    void forget(CpeDevice device) {
        admissions.forget(device.getMetadata().getNamespace(), device.getMetadata().getName());
    }

    void wakeWith(Consumer<ResourceID> trigger) {
        this.wake = trigger;
    }

    public Wanted resolve(CpeDevice device) {
        List<CpeFleet> fleets = directory.selecting(device);
        return new Wanted(fleets, ParameterResolver.resolve(device, fleets), firmware.resolve(device, fleets));
    }

    EventSource<CpeFleet, CpeDevice> eventSource(EventSourceContext<CpeDevice> context) {
        InformerEventSourceConfiguration<CpeFleet> configuration = InformerEventSourceConfiguration
                .from(CpeFleet.class, CpeDevice.class)
                .withName(FLEETS_EVENT_SOURCE)
                .withOnUpdateFilter((updated, old) -> !Objects.equals(updated.getMetadata().getGeneration(),
                        old.getMetadata().getGeneration()))
                .withSecondaryToPrimaryMapper(fleet -> devicesConcerned(fleet, context))
                .build();
        InformerEventSource<CpeFleet, CpeDevice> informer = new InformerEventSource<>(configuration, context);
        directory.install(informer);
        return informer;
    }

    private static Set<ResourceID> devicesConcerned(CpeFleet fleet, EventSourceContext<CpeDevice> context) {
        String source = DesiredParameters.fleetSource(fleet.getMetadata().getName());
        return context.getPrimaryCache()
                .list(fleet.getMetadata().getNamespace(), device -> FleetDirectory.selects(fleet, device)
                        || namesFleet(device, fleet.getMetadata().getName(), source))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    /** The device's status or admission still carries something of this fleet. */
    static boolean namesFleet(CpeDevice device, String fleet, String source) {
        String admission = RolloutAdmissions.annotation(device);
        if (admission != null && admission.startsWith(fleet + "@")) {
            return true;
        }
        if (device.getStatus() == null) {
            return false;
        }
        if (device.getStatus().getFirmware() != null && source.equals(device.getStatus().getFirmware().getSource())) {
            return true;
        }
        var config = device.getStatus().getConfig();
        if (config == null) {
            return false;
        }
        List<ConfigSource> sources = config.getSources() == null ? List.of() : config.getSources();
        List<ParameterConflict> conflicts = config.getConflicts() == null ? List.of() : config.getConflicts();
        return sources.stream().anyMatch(s -> source.equals(s.getSource()))
                || conflicts.stream().anyMatch(c -> c.getFleets() != null && c.getFleets().contains(fleet));
    }
}
