package io.cpeoperator.simulator.load;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest ACS that keeps CWMP devices happy: answers Inform and TransferComplete, ends every session with 204,
 * asks for nothing. For density benchmarks and load-generator self-tests, where the ACS must not be the bottleneck.
 */
public final class SinkAcs implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());
    private final AtomicLong informs = new AtomicLong();

    public SinkAcs(int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("sink-acs");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                byte[] answer = answer(body);
                if (answer.length == 0) {
                    response.setStatus(204);
                    callback.succeeded();
                } else {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=\"utf-8\"");
                    response.write(true, ByteBuffer.wrap(answer), callback);
                }
                return true;
            }
        });
        server.start();
    }

    private byte[] answer(byte[] body) {
        if (body.length == 0) {
            return new byte[0];
        }
        try {
            CwmpEnvelope envelope = codec.decode(body);
            if (envelope.message() instanceof Inform) {
                informs.incrementAndGet();
                return codec.encode(CwmpEnvelope.of(envelope.version(), envelope.id(), new InformResponse(1)));
            }
            if (envelope.message() instanceof TransferComplete) {
                return codec.encode(CwmpEnvelope.of(envelope.version(), envelope.id(), new TransferCompleteResponse()));
            }
        } catch (CwmpDecodeException e) {
            return new byte[0];
        }
        return new byte[0];
    }

    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/";
    }

    public long informs() {
        return informs.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
