package io.cpeoperator.bridge.cwmp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive TCP connection speaking plain HTTP/1.1, byte for byte: what a CPE does, without a client library
 * deciding about connections, cookies or headers for us.
 */
public final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpConnection(int port) throws IOException {
        this(plain(port));
    }

    private RawHttpConnection(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static Socket plain(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return socket;
    }

    /** A TLS connection that trusts any certificate (the test ACS uses a throw-away self-signed one). */
    public static RawHttpConnection tls(int port) throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[]{new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(plain(port), "127.0.0.1", port, true);
        socket.startHandshake();
        return new RawHttpConnection(socket);
    }

    /** An HTTP answer; header names lower-cased. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The {@code cwmpsid} value of a Set-Cookie header, or null. */
        public String sessionCookie() {
            String setCookie = header("set-cookie");
            if (setCookie == null) {
                return null;
            }
            String first = setCookie.split(";")[0].trim();
            return first.startsWith("cwmpsid=") ? first.substring("cwmpsid=".length()) : null;
        }
    }

    /** A POST with the given extra headers (name, value, name, value, ...). */
    public Reply post(String path, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n")
                .append("Content-Type: text/xml; charset=\"utf-8\"\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
        }
        head.append("\r\n");
        return exchange(concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body));
    }

    /** Sends raw request bytes and reads one reply. */
    public Reply exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readReply();
    }

    private Reply readReply() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a reply");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(readLine().trim(), 16)) > 0) {
                chunks.write(in.readNBytes(size));
                readLine();
            }
            readLine();
            body = chunks.toByteArray();
        }
        return new Reply(status, headers, body);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** Writes bytes without waiting for a reply (a device that vanishes mid-request). */
    public void writeOnly(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
