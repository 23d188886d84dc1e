package io.cpeoperator.bridge.cwmp.session;

import org.eclipse.jetty.io.Content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * Reads a request body up to a limit without blocking a thread. Stops reading as soon as the limit is passed
 * (whatever the Content-Length said), leaving the rest for the server to discard with the connection.
 */
final class BoundedBodyReader implements Runnable {

    /** The body was longer than allowed. */
    static final class TooLarge extends Exception {
        TooLarge(int limit) {
            super("body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final Content.Source source;
    private final int limit;
    private final BiConsumer<byte[], Throwable> done;
    private final ByteArrayOutputStream body;

    private BoundedBodyReader(Content.Source source, int limit, long expectedLength,
                              BiConsumer<byte[], Throwable> done) {
        this.source = source;
        this.limit = limit;
        this.done = done;
        // sized by Content-Length when it is sane, so the usual body is copied once
        this.body = new ByteArrayOutputStream(expectedLength > 0 && expectedLength <= limit
                ? (int) expectedLength : 4096);
    }

    /**
     * Reads the body and calls {@code done} once, with the bytes or the failure ({@link TooLarge}, I/O).
     *
     * @param expectedLength the Content-Length, or -1
     */
    static void read(Content.Source source, int limit, long expectedLength, BiConsumer<byte[], Throwable> done) {
        new BoundedBodyReader(source, limit, expectedLength, done).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                done.accept(null, chunk.getFailure());
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            if (body.size() + buffer.remaining() > limit) {
                chunk.release();
                done.accept(null, new TooLarge(limit));
                return;
            }
            boolean last = chunk.isLast();
            if (last && body.size() == 0) {
                // the whole body in one chunk, the common case: one copy
                byte[] whole = new byte[buffer.remaining()];
                buffer.get(whole);
                chunk.release();
                done.accept(whole, null);
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            body.write(bytes, 0, bytes.length);
            chunk.release();
            if (last) {
                done.accept(body.toByteArray(), null);
                return;
            }
        }
    }
}
