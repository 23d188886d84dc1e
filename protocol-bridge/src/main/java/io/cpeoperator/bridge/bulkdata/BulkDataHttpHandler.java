package io.cpeoperator.bridge.bulkdata;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The HTTP side of the collector, a Jetty 12 core handler: {@code POST} (or {@code PUT}, the other TR-181
 * {@code HTTP.Method}) to {@code <path>/<token>} or {@code <path>}; other paths are declined so it can share a
 * server. Order of checks: method, identity ({@link UploaderIdentity}), body size; then
 * {@link BulkDataIngest}. Answers: 204 written; 400 malformed; 401 with {@code WWW-Authenticate}; 403 device
 * mismatch; 404 unknown token or device; 405 method; 413 too large; 415 unsupported encoding. Error bodies are one
 * line of our own text, never a stack trace.
 *
 * <p>A blocking handler: the body is read and decoded on a pool thread, never on a selector thread.
 */
final class BulkDataHttpHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(BulkDataHttpHandler.class);
    static final String PROTOCOL = "http";
    static final String REPORT_FORMAT_HEADER = "BBF-Report-Format";

    private final String path;
    private final BulkDataIngest ingest;
    private final UploaderIdentity identity;
    private final int maxBodyBytes;

    BulkDataHttpHandler(String path, BulkDataIngest ingest, UploaderIdentity identity) {
        this.path = path;
        this.ingest = ingest;
        this.identity = identity;
        this.maxBodyBytes = ingest.limits().maxBodyBytes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String target = Request.getPathInContext(request);
        String token;
        if (target.equals(path)) {
            token = null;
        } else if (target.startsWith(path + "/") && target.indexOf('/', path.length() + 1) < 0) {
            token = target.substring(path.length() + 1);
        } else {
            return false;
        }
        String method = request.getMethod();
        if (!HttpMethod.POST.is(method) && !HttpMethod.PUT.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST, PUT");
            reply(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "POST the report\n");
            return true;
        }
        UploaderIdentity.Resolution who = identity.resolve(token, request.getHeaders().get(HttpHeader.AUTHORIZATION),
                method, query(request));
        if (who.refusal() != null) {
            ingest.rejected(PROTOCOL, who.refusal().reason());
            if (who.challenge() != null) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, who.challenge());
            }
            reply(response, callback, status(who.refusal().reason()), who.refusal().getMessage() + "\n");
            return true;
        }
        // an over-long body is read up to the limit before the 413 (not refused on its Content-Length alone): an
        // answer sent while the device is still writing races its writes and often reaches it as a reset
        byte[] body;
        try {
            body = readBody(request, maxBodyBytes);
        } catch (IOException e) {
            // the device hung up mid-body: nobody to answer
            callback.failed(e);
            return true;
        }
        if (body == null) {
            tooLarge(response, callback);
            return true;
        }
        IngestResult result;
        try {
            result = ingest.ingest(who.device(), PROTOCOL, body, new BulkDataContent(
                    request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    request.getHeaders().get(HttpHeader.CONTENT_ENCODING),
                    request.getHeaders().get(REPORT_FORMAT_HEADER)));
        } catch (RuntimeException e) {
            LOG.error("{}: bulk-data upload failed", who.device(), e);
            reply(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error\n");
            return true;
        }
        if (result.accepted()) {
            response.setStatus(HttpStatus.NO_CONTENT_204);
            response.write(true, null, callback);
        } else {
            LOG.debug("{}: bulk-data upload refused: {}", who.device(), result.message());
            reply(response, callback, status(result.rejection()), result.message() + "\n");
        }
        return true;
    }

    private void tooLarge(Response response, Callback callback) {
        ingest.rejected(PROTOCOL, BulkDataRejected.Reason.OVERSIZED);
        reply(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "the body exceeds " + maxBodyBytes + " bytes\n");
    }

    static int status(BulkDataRejected.Reason reason) {
        return switch (reason) {
            case MALFORMED -> HttpStatus.BAD_REQUEST_400;
            case OVERSIZED -> HttpStatus.PAYLOAD_TOO_LARGE_413;
            case UNSUPPORTED_ENCODING -> HttpStatus.UNSUPPORTED_MEDIA_TYPE_415;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED_401;
            case DEVICE_MISMATCH -> HttpStatus.FORBIDDEN_403;
            case UNKNOWN_TOKEN, UNKNOWN_DEVICE -> HttpStatus.NOT_FOUND_404;
        };
    }

    /** The body, or null when it is longer than {@code limit} (reading stops at one byte past it). */
    static byte[] readBody(Request request, int limit) throws IOException {
        long declared = request.getLength();
        int initial = declared >= 0 && declared <= limit ? (int) declared + 1 : Math.min(limit + 1, 16 * 1024);
        byte[] body = new byte[Math.max(1, initial)];
        int size = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (true) {
                if (size == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min((long) limit + 1, 2L * body.length));
                }
                int n = in.read(body, size, body.length - size);
                if (n < 0) {
                    return Arrays.copyOf(body, size);
                }
                size += n;
                if (size > limit) {
                    return null;
                }
            }
        }
    }

    private static Map<String, String> query(Request request) {
        if (request.getHttpURI().getQuery() == null) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        try {
            Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            for (Fields.Field field : fields) {
                values.put(field.getName(), field.getValue());
            }
        } catch (RuntimeException e) {
            // a query that is not form-encoded names no device
            return Map.of();
        }
        return values;
    }

    private static void reply(Response response, Callback callback, int status, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
