package io.cpeoperator.operator.device.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.cpeoperator.operator.device.identity.DeviceLabels;
import io.cpeoperator.operator.device.identity.DeviceNames;
import io.cpeoperator.operator.kube.EventRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a CpeDevice for a device that connected and that no CpeDevice names: DNS-safe name from the identity, the
 * identity and protocol in spec, labels for fleets to select by. Runs off the protocol threads on a small bounded
 * pool; a device whose creation is queued or just done is not queued again (the informer needs a moment to show the
 * new resource). When the queue is full the device is discovered on a later contact instead.
 */
public final class DeviceDiscovery implements AutoCloseable {

    public static final String REASON_DISCOVERED = "Discovered";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDiscovery.class);

    private final KubernetesClient client;
    private final String namespace;
    private final EventRecorder events;
    private final ThreadPoolExecutor pool;
    private final Cache<DeviceId, Boolean> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1_000_000).build();
    private final Counter discovered;
    private final Counter deferred;

    public DeviceDiscovery(KubernetesClient client, String namespace, EventRecorder events, MeterRegistry registry) {
        this.client = client;
        this.namespace = namespace;
        this.events = events;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(20_000), runnable -> {
            Thread thread = new Thread(runnable, "discovery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.discovered = Counter.builder("cpe.operator.discovered")
                .description("CpeDevices created for newly seen devices").register(registry);
        this.deferred = Counter.builder("cpe.operator.discovery.deferred")
                .description("Discoveries put off to the device's next contact because the queue was full")
                .register(registry);
    }

    /** Queues the creation of a CpeDevice for the device, once. Never blocks. */
    public void discover(DeviceIdentity identity) {
        DeviceId id = identity.id();
        if (recent.asMap().putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        try {
            pool.execute(() -> create(identity));
        } catch (RejectedExecutionException e) {
            recent.invalidate(id);
            deferred.increment();
        }
    }

    /** Lets the device be discovered again at once (its CpeDevice was deleted). */
    public void forget(DeviceId id) {
        recent.invalidate(id);
    }

    private void create(DeviceIdentity identity) {
        DeviceId id = identity.id();
        try {
            for (String name : List.of(DeviceNames.nameFor(id), DeviceNames.hashedNameFor(id))) {
                try {
                    CpeDevice created = client.resource(newDevice(identity, name)).create();
                    discovered.increment();
                    LOG.info("{}: discovered, created CpeDevice {}/{}", id, namespace, name);
                    events.normal(created, REASON_DISCOVERED, "Discovered " + describe(identity)
                            + " on its first contact; created this CpeDevice.");
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                        throw e;
                    }
                    CpeDevice existing = client.resources(CpeDevice.class).inNamespace(namespace).withName(name).get();
                    if (existing != null && DeviceKeys.idOf(existing).filter(id::equals).isPresent()) {
                        return; // created meanwhile for this very device (GitOps): adoption takes over
                    }
                    // the name belongs to another device's resource: the hashed name cannot collide
                }
            }
            LOG.warn("{}: both candidate names are taken by other devices' resources; not discovered", id);
        } catch (KubernetesClientException e) {
            recent.invalidate(id);
            LOG.warn("{}: could not create its CpeDevice ({}); it is retried on the next contact", id, e.getMessage());
        }
    }

    private CpeDevice newDevice(DeviceIdentity identity, String name) {
        Map<String, String> labels = new LinkedHashMap<>(DeviceLabels.labelsFor(identity));
        labels.put(DeviceLabels.DISCOVERED, "true");
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setProtocol(DeviceKeys.protocolOf(identity.id()));
        spec.setIdentity(DeviceKeys.identitySpec(identity));
        device.setSpec(spec);
        return device;
    }

    static String describe(DeviceIdentity identity) {
        String model = identity.modelName().isEmpty() ? identity.productClass() : identity.modelName();
        String who = (identity.manufacturer() + " " + model).trim();
        return (who.isEmpty() ? "device" : who) + " " + identity.id();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
