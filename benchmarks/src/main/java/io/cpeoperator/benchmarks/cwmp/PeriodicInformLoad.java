package io.cpeoperator.benchmarks.cwmp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: {@code connections} threads, each a CPE population on one keep-alive TCP connection, running
 * periodic sessions back to back (Inform -> InformResponse, empty POST -> 204). Blocking sockets and hand-written
 * HTTP/1.1 keep the generator's own cost small, since it shares the two cores with the server it measures.
 */
final class PeriodicInformLoad {

    /** Figures of one or more measured runs; {@code latencies} are the session times in nanoseconds, sorted. */
    record Result(long sessions, double seconds, long[] latencies, long errors) {

        double sessionsPerSecond() {
            return sessions / seconds;
        }

        double p50Millis() {
            return percentile(0.50);
        }

        double p99Millis() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            return latencies.length == 0 ? 0
                    : latencies[Math.min(latencies.length - 1, (int) (latencies.length * p))] / 1e6;
        }

        /** This run and {@code other} as one. */
        Result plus(Result other) {
            long[] merged = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, merged, latencies.length, other.latencies.length);
            Arrays.sort(merged);
            return new Result(sessions + other.sessions, seconds + other.seconds, merged, errors + other.errors);
        }

        static Result empty() {
            return new Result(0, 0, new long[0], 0);
        }
    }

    private final int port;
    private final byte[][] informRequests;
    private final int connections;

    /** @param informBodies one pre-encoded Inform body per simulated device */
    PeriodicInformLoad(int port, List<byte[]> informBodies, int connections) {
        this.port = port;
        this.connections = connections;
        this.informRequests = new byte[informBodies.size()][];
        for (int i = 0; i < informBodies.size(); i++) {
            informRequests[i] = request(informBodies.get(i), null);
        }
    }

    /** Runs for {@code warmupSeconds} unmeasured, then {@code seconds} measured. */
    Result run(double warmupSeconds, double seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicInteger nextDevice = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int index = c;
            long[][] samples = {new long[1 << 16]};
            Thread thread = new Thread(() -> {
                try {
                    Connection connection = connect();
                    while (!stop.get()) {
                        int device = Math.floorMod(nextDevice.getAndIncrement(), informRequests.length);
                        long start = System.nanoTime();
                        try {
                            session(connection, device);
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection.socket.close();
                            connection = connect();
                            continue;
                        }
                        if (measuring.get()) {
                            if (counts[index] == samples[0].length) {
                                samples[0] = Arrays.copyOf(samples[0], samples[0].length * 2);
                            }
                            samples[0][counts[index]++] = System.nanoTime() - start;
                        }
                    }
                    connection.socket.close();
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    synchronized (latencies) {
                        latencies.add(Arrays.copyOf(samples[0], counts[index]));
                    }
                    done.countDown();
                }
            }, "cpe-load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long measureStart = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - measureStart) / 1e9;
        stop.set(true);
        done.await();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, elapsed, all, errors.get());
    }

    /** A keep-alive connection with a buffered reader: one read system call per reply, not per byte. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024),
                socket.getOutputStream());
    }

    /** One periodic session on an open connection. */
    private void session(Connection connection, int device) throws IOException {
        OutputStream out = connection.out();
        InputStream in = connection.in();
        out.write(informRequests[device]);
        out.flush();
        Reply informResponse = Reply.read(in);
        if (informResponse.status != 200) {
            throw new IOException("Inform answered " + informResponse.status);
        }
        out.write(request(new byte[0], informResponse.cookie));
        out.flush();
        Reply end = Reply.read(in);
        if (end.status != 204) {
            throw new IOException("empty POST answered " + end.status);
        }
    }

    private static byte[] request(byte[] body, String cookie) {
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** The parts of an HTTP reply the generator needs; the body is read and dropped. */
    private static final class Reply {
        int status;
        String cookie;

        static Reply read(InputStream in) throws IOException {
            Reply reply = new Reply();
            String statusLine = line(in);
            reply.status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            String header;
            while (!(header = line(in)).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon);
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Set-Cookie")) {
                    reply.cookie = header.substring(colon + 1).trim().split(";")[0];
                }
            }
            in.readNBytes(length);
            return reply;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
