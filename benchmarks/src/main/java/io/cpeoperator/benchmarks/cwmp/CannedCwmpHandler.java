package io.cpeoperator.benchmarks.cwmp;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * The ceiling: the same HTTP exchange as an ACS session, answered by a bare Jetty handler with canned bytes (the
 * body is read, nothing is parsed). What the ACS reaches as a fraction of this is its own overhead.
 */
final class CannedCwmpHandler extends Handler.Abstract.NonBlocking {

    private final byte[] informResponse;

    CannedCwmpHandler(byte[] informResponse) {
        this.informResponse = informResponse;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.asByteArrayAsync(request, 1024 * 1024).whenComplete((body, failure) -> {
            if (failure != null) {
                callback.failed(failure);
                return;
            }
            if (body.length == 0) {
                response.setStatus(204);
                response.write(true, null, callback);
                return;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.SET_COOKIE, "cwmpsid=0123456789abcdef0123456789abcdef; Path=/");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=\"utf-8\"");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, informResponse.length);
            response.write(true, ByteBuffer.wrap(informResponse), callback);
        });
        return true;
    }
}
