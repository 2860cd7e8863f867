package com.careloop.customer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF or LF line ends. Reads one record at a time and knows the line number it started on.
 * <p>
 * Memory is bounded whatever the input: a field longer than {@link #MAX_FIELD_CHARS} or a record longer than
 * {@link #MAX_RECORD_CHARS} is not kept — the rest of it is read and dropped, and {@link #next()} throws a
 * {@link RecordTooLongException} naming its line, after which reading goes on with the next record. A quoted
 * field that is never closed is a {@link CsvFormatException}: nothing after it can be read.
 * When reading from a {@link StrictDecoder}, {@link #invalidBytes()} tells whether the last record held bytes
 * that are not valid in the file's encoding.
 */
public class CsvReader {

    /** Longest field kept: far above any column's own limit (500), far below what could exhaust the heap. */
    static final int MAX_FIELD_CHARS = 10_000;
    /** Longest record kept (all its fields). */
    static final int MAX_RECORD_CHARS = 100_000;

    /** The input cannot be read any further (an unclosed quote): fatal for the file. */
    public static class CsvFormatException extends IOException {
        private final int line;

        CsvFormatException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** One record was too long and has been skipped; the reader is at the start of the next record. */
    public static class RecordTooLongException extends IOException {
        private final int line;
        private final int field;

        RecordTooLongException(int line, int field, String message) {
            super("line " + line + ": " + message);
            this.line = line;
            this.field = field;
        }

        public int line() {
            return line;
        }

        /** Index of the field that was too long, or -1 when the record as a whole was. */
        public int field() {
            return field;
        }

        public String reason() {
            return getMessage().substring(getMessage().indexOf(": ") + 2);
        }
    }

    private final Reader in;
    private final StrictDecoder decoder;
    private int line = 1;
    private int recordLine;
    private long position; // characters read so far
    private boolean invalidBytes;
    private int peeked = -2;

    public CsvReader(Reader in) {
        this.in = in;
        this.decoder = in instanceof StrictDecoder d ? d : null;
    }

    /** The physical line the last record returned by {@link #next()} started on. */
    public int recordLine() {
        return recordLine;
    }

    /** The physical line the reader is on (after the last record: the line of the next one, or one past the end). */
    public int line() {
        return line;
    }

    /** Whether the last record held bytes that are not valid in the file's encoding (each is read as U+FFFD). */
    public boolean invalidBytes() {
        return invalidBytes;
    }

    /** The next record, or null at the end of the input. */
    public List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // skip blank lines
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordChars = 0;
        int fieldChars = 0; // counted also while a too-long record is being dropped
        String tooLong = null;
        int tooLongField = -1;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int append = -1;
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(recordLine, "a quoted field is not closed (it runs to the end of the file)");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append = '"';
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append = c;
                }
            } else if (c == '"' && fieldChars == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldChars = 0;
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        peeked = n;
                    }
                }
                if (c != -1) {
                    line++;
                }
                invalidBytes = decoder != null && decoder.invalidBefore(peeked == -2 ? position : position - 1);
                if (tooLong != null) {
                    throw new RecordTooLongException(recordLine, tooLongField, tooLong);
                }
                return fields;
            } else {
                append = c;
            }
            if (append != -1) {
                fieldChars++;
            }
            if (append != -1 && tooLong == null) {
                if (fieldChars > MAX_FIELD_CHARS) {
                    tooLongField = fields.size();
                    tooLong = "field " + (tooLongField + 1) + " is longer than " + MAX_FIELD_CHARS + " characters; the record was skipped";
                } else if (recordChars >= MAX_RECORD_CHARS) {
                    tooLong = "the record is longer than " + MAX_RECORD_CHARS + " characters; it was skipped";
                } else {
                    field.append((char) append);
                    recordChars++;
                }
                if (tooLong != null) { // keep reading to the end of the record, keeping nothing
                    fields.clear();
                    field.setLength(0);
                    field.trimToSize();
                }
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        int c = in.read();
        if (c != -1) {
            position++;
        }
        return c;
    }
}
