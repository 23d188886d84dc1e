package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.HashMap;

/**
 * An in-process Kubernetes API for embedded mode: the fabric8 mock server in CRUD mode on a free loopback port,
 * with the project's CRDs installed. It stores and watches resources like an API server but does not enforce CRD
 * schemas or server-side apply, so the operator validates specs itself and patches status without SSA. Requests that
 * name one resource are answered from a name index ({@link NameIndexedCrudDispatcher}), so a fleet of thousands of
 * devices does not make every request scan the whole store.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKubernetes.class);

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private EmbeddedKubernetes(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    public static EmbeddedKubernetes start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new NameIndexedCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient client = server.createClient(new JdkHttpClientFactory());
        CustomResourceDefinitions.install(client);
        LOG.info("Embedded Kubernetes API (fabric8 mock server, CRUD mode) on {} with CRDs {}",
                client.getMasterUrl(), CustomResourceDefinitions.FILES);
        return new EmbeddedKubernetes(server, client);
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
