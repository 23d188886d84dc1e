package io.cpeoperator.bridge.bulkdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Hand-written TR-181 bulk-data bodies (src/test/resources/bulkdata) and ways to compress them. */
final class BulkDataFixtures {

    /** 2026-11-25T10:00:00Z, the first CollectionTime of the fixtures. */
    static final Instant T0 = Instant.ofEpochSecond(1_795_600_800L);
    /** When the tests receive uploads: two hours after the fixtures' reports. */
    static final Instant RECEIVED = T0.plusSeconds(7_200);

    private BulkDataFixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = BulkDataFixtures.class.getResourceAsStream("/bulkdata/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean zlibWrapped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out,
                new Deflater(Deflater.BEST_COMPRESSION, !zlibWrapped))) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code bytes} zeros, gzip'ed: about a thousandth of the size. */
    static byte[] gzipBomb(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < bytes; written += zeros.length) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
