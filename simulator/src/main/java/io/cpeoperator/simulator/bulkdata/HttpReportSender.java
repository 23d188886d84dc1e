package io.cpeoperator.simulator.bulkdata;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * POSTs one report over the simulator's shared Jetty client, the way TR-181 BulkData HTTP asks: RequestURIParameters
 * as the query, Basic credentials from {@code HTTP.Username}/{@code Password}, the {@code BBF-Report-Format} header,
 * gzip when {@code HTTP.Compression} is GZIP, a {@code Date} header when {@code HTTP.UseDateHeader}.
 */
final class HttpReportSender {

    static final String REPORT_FORMAT_HEADER = "BBF-Report-Format";
    private static final long TIMEOUT_SECONDS = 30;

    private final HttpClient http;

    HttpReportSender(HttpClient http) {
        this.http = http;
    }

    /**
     * Sends asynchronously; {@code done} receives true for a 2xx answer, false for anything else (no answer, an
     * unreachable collector, a refusal).
     *
     * @param query name/value pairs appended to the URL, already read from the data model
     */
    void post(ProfileSettings.Http settings, List<String[]> query, ReportEncoder.Encoded report, long simMillis,
              Consumer<Boolean> done) {
        Request request;
        try {
            request = http.newRequest(withQuery(settings.url(), query)).method(HttpMethod.POST)
                    .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            done.accept(false);
            return;
        }
        byte[] body = report.body().getBytes(StandardCharsets.UTF_8);
        if (settings.gzip()) {
            body = gzip(body);
        }
        request.headers(headers -> {
            headers.put(REPORT_FORMAT_HEADER, report.reportFormat());
            if (settings.gzip()) {
                headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
            }
            if (!settings.username().isEmpty()) {
                String credentials = settings.username() + ":" + settings.password();
                headers.put(HttpHeader.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            if (settings.useDateHeader()) {
                headers.put(HttpHeader.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(simMillis), ZoneOffset.UTC)));
            }
        });
        request.body(new BytesRequestContent(report.contentType(), body));
        request.send(result -> done.accept(result.isSucceeded() && result.getResponse().getStatus() / 100 == 2));
    }

    static String withQuery(String url, List<String[]> query) {
        if (query.isEmpty()) {
            return url;
        }
        StringBuilder out = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        for (int i = 0; i < query.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(query.get(i)[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(query.get(i)[1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return out.toByteArray();
    }
}
