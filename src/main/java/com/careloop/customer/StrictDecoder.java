package com.careloop.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;

/**
 * Decodes bytes to characters and, unlike an InputStreamReader, remembers where bytes were not valid in the
 * charset: each such sequence is read as U+FFFD and its character position recorded, so that {@link CsvReader}
 * can reject exactly the record that held it (a line error) instead of importing replacement characters.
 * Buffers by itself: read it directly, not through a BufferedReader (positions would no longer match).
 */
final class StrictDecoder extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private final ArrayDeque<Long> invalid = new ArrayDeque<>();
    private long produced; // characters decoded into the buffer so far
    private boolean endOfInput;
    private boolean flushed;

    StrictDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** Whether invalid bytes were read before character position {@code position}; forgets those positions. */
    boolean invalidBefore(long position) {
        boolean found = false;
        while (!invalid.isEmpty() && invalid.peekFirst() < position) {
            invalid.pollFirst();
            found = true;
        }
        return found;
    }

    @Override
    public int read() throws IOException {
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        return chars.get();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes the next characters into the (empty) buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        long base = produced;
        chars.clear();
        while (chars.position() == 0) {
            if (flushed) {
                break;
            }
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            if (r.isError()) {
                if (chars.remaining() == 0) {
                    break; // room for the replacement next time
                }
                bytes.position(bytes.position() + r.length());
                invalid.addLast(base + chars.position());
                chars.put('\uFFFD');
                continue;
            }
            if (r.isOverflow()) {
                break;
            }
            // underflow: more bytes needed
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.flip();
        produced += chars.remaining();
        return chars.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
