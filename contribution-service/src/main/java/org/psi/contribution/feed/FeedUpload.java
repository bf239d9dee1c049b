package org.psi.contribution.feed;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.psi.common.api.ProblemException;

/**
 * Reads a feed job's upload as it streams in and cuts it into chunks of whole text lines, each
 * checked to be well-formed in the declared format ({@link FeedReader#readChunk}) before it is handed
 * on; at no time does more than one chunk sit in memory, whatever the size of the upload.
 *
 * <p>What it refuses, each before anything of the job is kept: more bytes than allowed, as sent or
 * once decompressed (413, as soon as the limit is passed), a gzip stream that is not gzip or is cut
 * short (400), and a body with no feed line (400). A body that is not the declared format (a text line
 * that is not a JSON object, a CSV row with the wrong number of cells, a line longer than allowed) is
 * {@link NotTheFormat}: the job fails with that reason and nothing of it is applied.
 *
 * <p>A CSV chunk after the first starts with a copy of the header row, so that each chunk reads on its
 * own. Lines are numbered by their text line in the (decompressed) upload, the header being line 1.
 */
public final class FeedUpload {

    /** One chunk as stored: its number, the text line of the upload where it starts, its feed lines and bytes. */
    public record Chunk(int seq, int firstLine, int lines, byte[] body) {
    }

    /** Where chunks go (the database), one at a time, in order. */
    public interface Sink {
        void chunk(Chunk chunk);
    }

    /** What was received: bytes as sent, their SHA-256 (with the content type), lines and chunks. */
    public record Received(long bytes, byte[] hash, int lines, int chunks) {
    }

    /** The upload is not the format it declared; {@code problem} says where and why. */
    public static final class NotTheFormat extends RuntimeException {
        public final transient ProblemException problem;
        /** The whole body, as sent: its bytes and hash (it is read to the end all the same). */
        public long bytes;
        public transient byte[] hash;

        NotTheFormat(ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /** The limits of an upload. */
    public record Limits(long maxBytes, long maxTextBytes, int chunkLines, int maxLineBytes) {
    }

    private static final int CHUNK_BYTES = 8 << 20;

    private final JsonFactory json;
    private final String format;
    private final Limits limits;

    public FeedUpload(JsonFactory json, String format, Limits limits) {
        this.json = json;
        this.format = format;
        this.limits = limits;
    }

    /**
     * Reads the whole body into chunks for {@code sink}. On {@link NotTheFormat} the rest of the body
     * is still read (and counted against the limit) so that the client gets its answer.
     */
    public Received read(InputStream body, boolean gzip, String contentType, Sink sink) throws IOException {
        Counting sent = new Counting(body, limits.maxBytes(), contentType);
        InputStream text;
        try {
            text = gzip ? new GZIPInputStream(sent, 1 << 16) : sent;
        } catch (EOFException e) {
            throw empty(sent);
        } catch (ZipException e) {
            throw ProblemException.badRequest("invalid-gzip", "contribution.feed-job.not-gzip");
        }
        Counting decoded = new Counting(text, limits.maxTextBytes(), null);
        Cutter cutter = new Cutter(sink);
        try {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = decoded.read(buf)) > 0) {
                cutter.take(buf, 0, n);
            }
            cutter.finish();
        } catch (EOFException | ZipException e) {
            throw ProblemException.badRequest("invalid-gzip", "contribution.feed-job.gzip-cut");
        } catch (NotTheFormat e) {
            sent.drain();
            e.bytes = sent.count;
            e.hash = sent.digest();
            throw e;
        }
        if (sent.count == 0) {
            throw empty(sent);
        }
        if (cutter.lines == 0) {
            throw ProblemException.invalid("lines", "REQUIRED", "contribution.feed.no-lines");
        }
        return new Received(sent.count, sent.digest(), cutter.lines, cutter.seq);
    }

    private static ProblemException empty(Counting sent) {
        return ProblemException.invalid("body", "REQUIRED", "contribution.feed-job.empty");
    }

    /** Cuts text into lines and lines into chunks. */
    private final class Cutter {
        private final Sink sink;
        private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 20);
        private byte[] header;
        private int textLine = 1;      // the text line being read
        private int lineBytes;         // bytes of it so far
        private boolean lineBlank = true;
        private int chunkFirstLine = 1;
        private int chunkLines;        // feed lines in the chunk
        private boolean chunkHasHeaderCopy;
        int lines;
        int seq;

        Cutter(Sink sink) {
            this.sink = sink;
        }

        void take(byte[] b, int from, int to) {
            int start = from;
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == '\n') {
                    append(b, start, i + 1);
                    endLine();
                    start = i + 1;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    lineBlank = false;
                }
            }
            append(b, start, to);
        }

        private void append(byte[] b, int from, int to) {
            if (to <= from) {
                return;
            }
            lineBytes += to - from;
            if (lineBytes > limits.maxLineBytes() + 1) {
                throw new NotTheFormat(ProblemException.malformedBody("contribution.feed-job.line-too-long", textLine,
                        limits.maxLineBytes()));
            }
            chunk.write(b, from, to - from);
        }

        private void endLine() {
            boolean isHeader = FeedReader.CSV.equals(format) && header == null;
            if (isHeader) {
                if (lineBlank) {
                    throw new NotTheFormat(ProblemException.malformedBody("contribution.feed.csv-header", String.join(",", FeedReader.FIELDS)));
                }
                header = Arrays.copyOf(chunk.toByteArray(), chunk.size());
            } else if (!lineBlank) {
                chunkLines++;
            }
            textLine++;
            lineBytes = 0;
            lineBlank = true;
            if (chunkLines >= limits.chunkLines() || chunk.size() >= CHUNK_BYTES) {
                flush();
            }
        }

        void finish() {
            if (lineBytes > 0) {
                // a last line without its line break
                byte[] nl = {'\n'};
                lineBytes = 0;
                chunk.write(nl, 0, 1);
                endLine();
            }
            flush();
        }

        private void flush() {
            if (chunkLines == 0) {
                if (chunk.size() >= CHUNK_BYTES) {
                    // nothing but blank lines (or a header and blank lines) so far: drop them, their numbers stay counted
                    restart();
                }
                return;
            }
            byte[] body = chunk.toByteArray();
            int shift = chunkFirstLine - 1 - (chunkHasHeaderCopy ? 1 : 0);
            FeedReader.Chunk read;
            try {
                read = FeedReader.readChunk(json, format, body, shift);
            } catch (ProblemException e) {
                throw new NotTheFormat(e);
            }
            seq++;
            lines += read.lines().size();
            sink.chunk(new Chunk(seq, chunkFirstLine, read.lines().size(), body));
            restart();
        }

        /** The next chunk starts at the next text line (after a copy of the CSV header). */
        private void restart() {
            chunk.reset();
            chunkFirstLine = textLine;
            chunkLines = 0;
            chunkHasHeaderCopy = header != null;
            if (header != null) {
                chunk.write(header, 0, header.length);
            }
        }
    }

    /** Counts (and for the body as sent, hashes) what is read; past its limit, 413. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        private final long limit;
        private final MessageDigest sha;
        long count;

        Counting(InputStream in, long limit, String contentType) {
            this.in = in;
            this.limit = limit;
            if (contentType == null) {
                this.sha = null;
            } else {
                try {
                    this.sha = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                sha.update(contentType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw ProblemException.payloadTooLarge("payload-too-large", "contribution.feed-job.too-large", limit);
                }
                if (sha != null) {
                    sha.update(b, off, n);
                }
            }
            return n;
        }

        void drain() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (read(buf, 0, buf.length) > 0) {
                // counted and hashed, not kept
            }
        }

        byte[] digest() {
            return sha.digest();
        }
    }
}
