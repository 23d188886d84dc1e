package io.cpeoperator.bridge.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.cpeoperator.bridge.net.ListenAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The MQTT broker the operator starts in its own process when no external broker is configured: HiveMQ Community
 * Edition, in-memory persistence, one plain TCP listener, configuration and data in a temporary folder that is
 * deleted on stop. HiveMQ's own logging bootstrap is disabled so that it logs through the operator's slf4j set-up.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    /**
     * Messages the broker queues per client before it discards new ones. HiveMQ's default of 1000 is far too small
     * for the controller, which alone receives what every agent publishes: a burst of notifications (all agents
     * rebooting after a power cut) would be dropped at the broker. 100,000 records of ~200 bytes is ~20 MB.
     */
    static final long MAX_QUEUED_MESSAGES = 100_000;
    /** QoS 1/2 publishes a client may have unacknowledged towards the broker (HiveMQ default 10). */
    static final int SERVER_RECEIVE_MAXIMUM = 100;

    private final String bindAddress;
    private final int port;
    private final int maxPacketBytes;
    private Path folder;
    private EmbeddedHiveMQ hivemq;

    /**
     * @param bindAddress    e.g. {@code 0.0.0.0} for the operator, {@code 127.0.0.1} for tests
     * @param port           TCP port of the listener (HiveMQ needs a concrete port; see {@link #freePort()})
     * @param maxPacketBytes largest MQTT packet the broker accepts, a first bound on record sizes
     */
    public EmbeddedMqttBroker(String bindAddress, int port, int maxPacketBytes) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        this.bindAddress = bindAddress;
        this.port = port;
        this.maxPacketBytes = maxPacketBytes;
    }

    public synchronized void start() {
        if (hivemq != null) {
            return;
        }
        try {
            folder = Files.createTempDirectory("cpe-mqtt-broker");
            Path config = Files.createDirectories(folder.resolve("conf"));
            Files.writeString(config.resolve("config.xml"), configXml(), StandardCharsets.UTF_8);
            EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(config)
                    .withDataFolder(Files.createDirectories(folder.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .build();
            broker.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            hivemq = broker;
            LOG.info("embedded MQTT broker listening on {}:{}", bindAddress, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded MQTT broker's folder", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("embedded MQTT broker did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded MQTT broker did not stop cleanly", e);
        } finally {
            hivemq = null;
            deleteFolder();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The URL clients use to reach this broker, e.g. {@code tcp://127.0.0.1:1883}. */
    public String url() {
        return url(bindAddress, port);
    }

    /** The URL a client on this machine uses for a broker bound to {@code bindAddress}: loopback for a wildcard. */
    public static String url(String bindAddress, int port) {
        return "tcp://" + ListenAddress.localHost(bindAddress) + ":" + port;
    }

    /** A port that was free a moment ago on the loopback interface (for tests and benchmarks). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String configXml() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <mqtt>
                    <packets>
                      <max-packet-size>%d</max-packet-size>
                    </packets>
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                      <strategy>discard</strategy>
                    </queued-messages>
                    <receive-maximum>
                      <server-receive-maximum>%d</server-receive-maximum>
                    </receive-maximum>
                  </mqtt>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress, maxPacketBytes, MAX_QUEUED_MESSAGES, SERVER_RECEIVE_MAXIMUM);
    }

    private void deleteFolder() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}", folder, e);
        }
        folder = null;
    }
}
