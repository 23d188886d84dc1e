package io.cpeoperator.bridge.usp.testing;

import io.cpeoperator.bridge.usp.proto.UspRecord;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test agent on the USP WebSocket MTP (subprotocol v1.usp, binary frames). */
public final class WebSocketTestAgent extends TestUspAgent implements Session.Listener.AutoDemanding {

    private final WebSocketClient client = new WebSocketClient();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Session session;
    public volatile int closeStatus;

    public WebSocketTestAgent(String endpointId) {
        super(endpointId);
    }

    /**
     * Connects to the controller and sends a WebSocketConnectRecord.
     *
     * @param eidInQuery name the endpoint in {@code ?eid=}; otherwise in the bbf-usp-protocol extension
     */
    public WebSocketTestAgent connect(URI controller, boolean eidInQuery, String subprotocol) throws Exception {
        client.start();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        if (subprotocol != null) {
            request.setSubProtocols(subprotocol);
        }
        URI target = eidInQuery ? URI.create(controller + "?eid=" + endpointId) : controller;
        JettyUpgradeListener extension = new JettyUpgradeListener() {
            @Override
            public void onHandshakeRequest(org.eclipse.jetty.client.Request upgrade) {
                if (!eidInQuery) {
                    upgrade.headers(headers -> headers.add("Sec-WebSocket-Extensions",
                            "bbf-usp-protocol; eid=\"" + endpointId + "\""));
                }
            }
        };
        session = client.connect(this, target, request, extension).get(10, TimeUnit.SECONDS);
        sendRecord(envelope(endpointId).setWebsocketConnect(UspRecord.WebSocketConnectRecord.getDefaultInstance())
                .build().toByteArray());
        return this;
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        onRecord(bytes);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeStatus = statusCode;
        closed.countDown();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // closing and refused upgrades are part of the tests
    }

    @Override
    public void sendRecord(byte[] record) {
        session.sendBinary(ByteBuffer.wrap(record), Callback.NOOP);
    }

    public void sendText(String text) {
        session.sendText(text, Callback.NOOP);
    }

    public boolean awaitClosed() throws InterruptedException {
        return closed.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // test teardown
        }
    }
}
