package io.cpeoperator.bridge.cwmp.inform;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.sync.TwinSynchronizer;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an Inform into what the rest of the system sees: the device's identity and ConnectionRequestURL, its
 * ParameterList in the twin, and one device event per Inform event.
 */
public final class InformProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InformProcessor.class);
    /** More events than this in one Inform is not a device reporting, it is a device attacking. */
    private static final int MAX_EVENTS = 64;

    private final TwinStore twins;
    private final DeviceEventBus events;
    private final Clock clock;

    public InformProcessor(TwinStore twins, DeviceEventBus events, Clock clock) {
        this.twins = twins;
        this.events = events;
        this.clock = clock;
    }

    /** Records the Inform; returns the twin schema key its identity implies. */
    public TwinSchemaKey process(CwmpDevice device, Inform inform, CwmpVersion version) {
        Instant now = clock.instant();
        String root = inform.dataModelRoot();
        DeviceIdentity identity = identityOf(device.id(), inform, root);
        device.informed(identity, inform.parameter(root + "ManagementServer.ConnectionRequestURL").orElse(null),
                version, now);
        if (!inform.parameters().isEmpty()) {
            try {
                twins.applyUpdates(device.id(), TwinSynchronizer.toTwin(inform.parameters()), now);
            } catch (RuntimeException e) {
                // the twin refusing an update must not cost the device its session
                LOG.warn("{}: twin refused the Inform parameters", device.id(), e);
            }
        }
        publishEvents(device.id(), inform, identity, now);
        return new TwinSchemaKey(identity.oui(), identity.productClass(), identity.softwareVersion());
    }

    private void publishEvents(DeviceId id, Inform inform, DeviceIdentity identity, Instant now) {
        List<EventStruct> reported = inform.events().size() > MAX_EVENTS
                ? inform.events().subList(0, MAX_EVENTS) : inform.events();
        Set<String> codes = new LinkedHashSet<>();
        reported.forEach(event -> codes.add(event.eventCode()));
        events.publish(new DeviceEvent.Connected(id, now, identity, codes));
        for (EventStruct event : reported) {
            events.publish(switch (event.eventCode()) {
                case EventStruct.BOOTSTRAP, EventStruct.BOOT ->
                        new DeviceEvent.Booted(id, now, event.eventCode(), identity.softwareVersion());
                case EventStruct.VALUE_CHANGE -> new DeviceEvent.TwinChanged(id, now, parameterNames(inform));
                default -> new DeviceEvent.Other(id, now, event.eventCode(),
                        event.commandKey().isEmpty() ? Map.of() : Map.of("commandKey", event.commandKey()));
            });
        }
    }

    private static Set<String> parameterNames(Inform inform) {
        Set<String> names = new LinkedHashSet<>();
        for (ParameterValueStruct parameter : inform.parameters()) {
            names.add(parameter.name());
        }
        return names;
    }

    private static DeviceIdentity identityOf(DeviceId id, Inform inform, String root) {
        return new DeviceIdentity(id, inform.deviceId().manufacturer(), inform.deviceId().oui(),
                inform.deviceId().productClass(), inform.deviceId().serialNumber(),
                inform.parameter(root + "DeviceInfo.ModelName").orElse(""),
                inform.parameter(root + "DeviceInfo.SoftwareVersion").orElse(""),
                inform.parameter(root + "DeviceInfo.HardwareVersion").orElse(""), root);
    }
}
