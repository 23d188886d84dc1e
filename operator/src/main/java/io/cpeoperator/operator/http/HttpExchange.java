package io.cpeoperator.operator.http;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** One HTTP request and its response, with the few helpers the operator's endpoints need. */
public final class HttpExchange {

    /** fabric8's mapper, so resources are written exactly as the API server would return them. */
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Fields query;

    HttpExchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        return query.getValue(name);
    }

    /** Throws a 400 naming the first parameter that is not in {@code allowed}. */
    public void allowOnlyQuery(Set<String> allowed) {
        for (String name : query.getNames()) {
            if (!allowed.contains(name)) {
                throw new HttpProblem(400, "unknown query parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    public void json(int status, Object body) {
        send(status, "application/json", JSON.asJson(body));
    }

    public void text(int status, String contentType, String body) {
        send(status, contentType, body);
    }

    public void error(int status, String message) {
        json(status, Map.of("status", status, "error", message));
    }

    private void send(int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }
}
