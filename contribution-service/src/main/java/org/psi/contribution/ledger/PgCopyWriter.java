package org.psi.contribution.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Rows in PostgreSQL's COPY text format, written as bytes and streamed to the server in chunks. */
final class PgCopyWriter implements AutoCloseable {

    private static final int COPY_CHUNK = 1 << 16;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'\\', 'N', '\t'};
    private final CopyIn copy;
    private byte[] buf = new byte[COPY_CHUNK + 4096];
    private int len;

    PgCopyWriter(Connection c, String sql) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private PgCopyWriter nul() {
        ensure(3);
        System.arraycopy(NULL, 0, buf, len, 3);
        len += 3;
        return this;
    }

    /** A value known to be plain ASCII with nothing to escape (numbers, ids, codes). */
    PgCopyWriter ascii(String v) {
        if (v == null) {
            return nul();
        }
        ensure(v.length() + 1);
        for (int i = 0; i < v.length(); i++) {
            buf[len++] = (byte) v.charAt(i);
        }
        buf[len++] = '\t';
        return this;
    }

    PgCopyWriter text(String v) {
        if (v == null) {
            return nul();
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= 0x80) {
                return escaped(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        ensure(2 * v.length() + 1);
        for (int i = 0; i < v.length(); i++) {
            escape(v.charAt(i));
        }
        buf[len++] = '\t';
        return this;
    }

    private PgCopyWriter escaped(byte[] utf8) {
        ensure(2 * utf8.length + 1);
        for (byte b : utf8) {
            escape(b);
        }
        buf[len++] = '\t';
        return this;
    }

    /** One byte of a text value, escaped as COPY's text format needs (the room is ensured by the caller). */
    private void escape(int b) {
        switch (b) {
            case '\\' -> {
                buf[len++] = '\\';
                buf[len++] = '\\';
            }
            case '\t' -> {
                buf[len++] = '\\';
                buf[len++] = 't';
            }
            case '\n' -> {
                buf[len++] = '\\';
                buf[len++] = 'n';
            }
            case '\r' -> {
                buf[len++] = '\\';
                buf[len++] = 'r';
            }
            default -> buf[len++] = (byte) b;
        }
    }

    PgCopyWriter num(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(21);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        buf[len++] = '\t';
        return this;
    }

    PgCopyWriter obj(Object v) {
        if (v == null) {
            return nul();
        }
        if (v instanceof Number n) {
            return num(n.longValue());
        }
        return text(v.toString());
    }

    PgCopyWriter bytes(byte[] v) {
        if (v == null) {
            return nul();
        }
        ensure(4 + 2 * v.length);
        buf[len++] = '\\';
        buf[len++] = '\\';
        buf[len++] = 'x';
        for (byte b : v) {
            buf[len++] = HEX_DIGITS[(b >> 4) & 0xf];
            buf[len++] = HEX_DIGITS[b & 0xf];
        }
        buf[len++] = '\t';
        return this;
    }

    void last(String v) throws SQLException {
        text(v);
        endRow();
    }

    void lastNum(long v) throws SQLException {
        num(v);
        endRow();
    }

    private void endRow() throws SQLException {
        buf[len - 1] = '\n';
        if (len >= COPY_CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buf, 0, len);
        len = 0;
    }

    void finish() throws SQLException {
        if (len > 0) {
            flush();
        }
        copy.endCopy();
    }

    /** A COPY left unfinished by a failure is cancelled, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
