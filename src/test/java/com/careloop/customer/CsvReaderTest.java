package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 7: one record is never held whole beyond the caps, whatever its size. */
class CsvReaderTest {

    /** 600 million characters (Chinese: two bytes each in a Java string) of one quoted field, generated as read. */
    static final class OneHugeRecord extends Reader {
        static final long SIZE = 600_000_000L;
        private final String head = "id,name\n1,\"";
        private final String tail = "\"\n2,next\n";
        private long pos;

        @Override
        public int read(char[] buf, int off, int len) {
            long total = head.length() + SIZE + tail.length();
            if (pos >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && pos < total) {
                buf[off + n++] = pos < head.length() ? head.charAt((int) pos)
                        : pos < head.length() + SIZE ? '字' : tail.charAt((int) (pos - head.length() - SIZE));
                pos++;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSixHundredMegabyteRecordIsReportedWithItsLineAndReadingGoesOn() throws IOException {
        CsvReader csv = new CsvReader(new OneHugeRecord());
        assertThat(csv.next()).containsExactly("id", "name");
        assertThatThrownBy(csv::next).isInstanceOf(CsvReader.RecordTooLongException.class)
                .hasMessageContaining("line 2").hasMessageContaining("longer than");
        assertThat(csv.next()).containsExactly("2", "next");
        assertThat(csv.recordLine()).isEqualTo(3);
        assertThat(csv.next()).isNull();
    }

    @Test
    void fieldAndRecordCapsAreSeparate() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,b\n" + "y".repeat(CsvReader.MAX_FIELD_CHARS + 1) + ",z\nc,d\n"));
        assertThat(csv.next()).containsExactly("a", "b");
        assertThatThrownBy(csv::next).isInstanceOf(CsvReader.RecordTooLongException.class)
                .hasMessageContaining("field 1").hasMessageContaining("longer than " + CsvReader.MAX_FIELD_CHARS);
        assertThat(csv.next()).isEqualTo(List.of("c", "d"));
    }

    @Test
    void anUnclosedQuoteIsFatalAndNamesTheLineItStartedOn() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,b\n1,\"open\n2,x\n"));
        csv.next();
        assertThatThrownBy(csv::next).isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("line 2")
                .satisfies(e -> assertThat(((CsvReader.CsvFormatException) e).line()).isEqualTo(2));
    }
}
