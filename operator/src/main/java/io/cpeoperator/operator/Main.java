package io.cpeoperator.operator;

import ch.qos.logback.classic.Level;
import io.cpeoperator.operator.config.ConfigException;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.kube.ClusterDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/** {@code java -jar operator/target/cpe-operator.jar [--embedded] [--http-port N] ...}; {@code --help} lists all. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(OperatorConfig.usage());
            return;
        }
        OperatorConfig config;
        try {
            config = OperatorConfig.parse(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("cpe-operator: " + e.getMessage());
            System.exit(2);
            return;
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.cpeoperator"))
                .setLevel(Level.toLevel(config.logLevel(), Level.INFO));

        boolean embedded = config.embeddedRequested() || useEmbeddedForLackOfCluster();
        OperatorApplication application = new OperatorApplication(config, embedded, Clock.systemUTC());
        // SIGTERM: stop the reconcilers (bounded wait), the HTTP port and the embedded API, well within 10 s
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping cpe-operator");
            application.close();
            LOG.info("cpe-operator stopped");
        }, "shutdown"));
        try {
            application.start();
        } catch (Exception e) {
            LOG.error("cpe-operator failed to start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    private static boolean useEmbeddedForLackOfCluster() {
        Optional<String> source = ClusterDetection.configSource(System.getenv(), Path.of(System.getProperty("user.home")));
        if (source.isEmpty()) {
            LOG.info("No kubeconfig or in-cluster configuration found: starting in embedded mode "
                    + "(in-process Kubernetes API). Use --embedded to choose it explicitly.");
            return true;
        }
        LOG.info("Cluster mode, Kubernetes configuration from {}", source.get());
        return false;
    }
}
