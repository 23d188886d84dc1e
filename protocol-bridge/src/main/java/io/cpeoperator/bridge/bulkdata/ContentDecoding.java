package io.cpeoperator.bridge.bulkdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Undoes {@code Content-Encoding: gzip} or {@code deflate} with a ceiling on the decoded size, so a few kilobytes
 * that inflate to gigabytes (a zip bomb) are refused after at most the ceiling plus one buffer. {@code deflate} is
 * the zlib format (RFC 9110); raw deflate, which some HTTP stacks send under the same name, is accepted too.
 */
final class ContentDecoding {

    private static final int BUFFER = 16 * 1024;

    private ContentDecoding() {
    }

    static byte[] decode(byte[] body, String contentEncoding, int maxDecodedBytes) throws BulkDataRejected {
        String coding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "", "identity" -> {
                if (body.length > maxDecodedBytes) {
                    throw tooLarge(maxDecodedBytes);
                }
                yield body;
            }
            case "gzip", "x-gzip" -> gunzip(body, maxDecodedBytes);
            case "deflate" -> inflate(body, maxDecodedBytes);
            default -> throw new BulkDataRejected(BulkDataRejected.Reason.UNSUPPORTED_ENCODING,
                    "content coding '" + printable(coding) + "' is not supported (gzip, deflate or none)");
        };
    }

    private static byte[] gunzip(byte[] body, int max) throws BulkDataRejected {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), BUFFER)) {
            return readBounded(in, max, body.length);
        } catch (ZipException | java.io.EOFException e) {
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "the gzip body is corrupt or truncated");
        } catch (IOException e) {
            throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "the gzip body cannot be read");
        }
    }

    private static byte[] inflate(byte[] body, int max) throws BulkDataRejected {
        try {
            return inflate(body, max, false);
        } catch (DataFormatException notZlib) {
            try {
                return inflate(body, max, true);
            } catch (DataFormatException e) {
                throw new BulkDataRejected(BulkDataRejected.Reason.MALFORMED, "the deflate body is corrupt");
            }
        }
    }

    private static byte[] inflate(byte[] body, int max, boolean raw) throws DataFormatException, BulkDataRejected {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(body);
            byte[] out = new byte[initialSize(body.length, max)];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    // never past max + 1: one byte more than allowed is enough to know
                    out = Arrays.copyOf(out, (int) Math.min((long) max + 1, 2L * out.length));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                size += n;
                if (size > max) {
                    throw tooLarge(max);
                }
            }
            return Arrays.copyOf(out, size);
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBounded(InputStream in, int max, int compressedLength)
            throws IOException, BulkDataRejected {
        byte[] out = new byte[initialSize(compressedLength, max)];
        int size = 0;
        while (true) {
            if (size == out.length) {
                out = Arrays.copyOf(out, (int) Math.min((long) max + 1, 2L * out.length));
            }
            int n = in.read(out, size, out.length - size);
            if (n < 0) {
                return size == out.length ? out : Arrays.copyOf(out, size);
            }
            size += n;
            if (size > max) {
                throw tooLarge(max);
            }
        }
    }

    /** Text compresses about 5-10 times; start there, grow by doubling, never past the ceiling. */
    private static int initialSize(int compressedLength, int max) {
        return (int) Math.max(1, Math.min((long) max + 1, Math.max(BUFFER, 8L * compressedLength)));
    }

    private static BulkDataRejected tooLarge(int max) {
        return new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED, "the decoded body exceeds " + max + " bytes");
    }

    static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return out.toString();
    }
}
