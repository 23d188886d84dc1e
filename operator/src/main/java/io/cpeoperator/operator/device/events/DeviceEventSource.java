package io.cpeoperator.operator.device.events;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceEventListener;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Subscription;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * The inbound event source that turns the device gateway's event stream into "look again" triggers for the CpeDevice
 * that names the device. Nothing of the event's payload reaches the reconciler: it reads the twin and its caches.
 * An event from a device no CpeDevice names goes to discovery. Runs on protocol threads, so it only looks up an index
 * and hands work on.
 */
public final class DeviceEventSource extends SimpleInboundEventSource<CpeDevice> implements DeviceEventListener {

    public static final String NAME = "device-gateway";

    private final DeviceGateway gateway;
    private final DeviceIndex index;
    private final DeviceActivity activity;
    private final DeviceDiscovery discovery;
    private final UptimeRefresh uptime;
    private final Counter eventsReceived;
    private volatile Subscription subscription;

    public DeviceEventSource(DeviceGateway gateway, DeviceIndex index, DeviceActivity activity,
                             DeviceDiscovery discovery, MeterRegistry registry) {
        super(NAME);
        this.gateway = gateway;
        this.index = index;
        this.activity = activity;
        this.discovery = discovery;
        this.uptime = new UptimeRefresh(gateway);
        this.eventsReceived = Counter.builder("cpe.operator.device.events")
                .description("Device events received from the gateway").register(registry);
    }

    @Override
    public void start() throws OperatorException {
        super.start();
        subscription = gateway.subscribe(this);
    }

    @Override
    public void stop() throws OperatorException {
        Subscription current = subscription;
        if (current != null) {
            current.close();
        }
        super.stop();
    }

    @Override
    public void onEvent(DeviceEvent event) {
        eventsReceived.increment();
        DeviceId id = event.deviceId();
        activity.record(event);
        List<ResourceID> resources = index.resourcesOf(id);
        if (resources.isEmpty()) {
            if (event instanceof DeviceEvent.Connected connected) {
                discovery.discover(connected.identity());
            }
            return;
        }
        if (event instanceof DeviceEvent.Booted) {
            uptime.afterBoot(id);
        }
        if (isRunning()) {
            resources.forEach(this::propagateEvent);
        }
    }
}
