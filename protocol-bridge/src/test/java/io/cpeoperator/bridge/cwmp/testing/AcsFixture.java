package io.cpeoperator.bridge.cwmp.testing;

import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A started ACS on 127.0.0.1 and a free port, with the real twin store, recording every device event. */
public final class AcsFixture implements AutoCloseable {

    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final ShardedTwinStore twins;
    public final InMemoryCredentialStore credentials;
    public final CwmpAcs acs;
    public final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    public final CwmpAcsConfig config;

    public AcsFixture(CwmpAcsConfig config) throws Exception {
        this(config, new InMemoryCredentialStore(), Clock.systemUTC());
    }

    public AcsFixture(CwmpAcsConfig config, InMemoryCredentialStore credentials, Clock clock) throws Exception {
        this.config = config.withListener("127.0.0.1", 0);
        this.credentials = credentials;
        this.twins = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(2).withMaxParameters(1_000_000),
                registry, clock);
        this.acs = new CwmpAcs(this.config, twins, credentials, registry, clock);
        acs.subscribe(events::add);
        acs.start();
    }

    public int port() {
        return acs.httpPort();
    }

    public RawHttpConnection connect() throws Exception {
        return new RawHttpConnection(port());
    }

    public <T extends DeviceEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        acs.close();
    }
}
