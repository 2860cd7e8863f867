package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A text/csv import streamed without Content-Length (Transfer-Encoding: chunked) is bounded like one with it: 100 MB
 * and one byte of valid CSV lines is a 413 problem+json and not one customer, not one import record is written; a small
 * chunked body within the limit is imported as usual. The limit is the production one (careloop.api.max-csv-size,
 * 100 MB): the body is generated on the fly, never held in memory, and sent over loopback.
 */
class ChunkedCsvLimitTest extends CareLoopTest {

    static final long LIMIT = DataSize.ofMegabytes(100).toBytes();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    final String prefix = "CH" + UUID.randomUUID().toString().substring(0, 6) + "-";

    @Test
    void aChunkedCsvOneByteOverTheLimitIs413AndNothingIsWritten() throws Exception {
        long customers = count("customer");
        long imports = count("customer_import");

        HttpResponse<String> response = post(new CsvLines(prefix, LIMIT + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413").contains("100 MB");
        assertThat(count("customer")).as("no customer written").isEqualTo(customers);
        assertThat(count("customer_import")).as("no import started").isEqualTo(imports);
        assertThat(jdbc.queryForObject("select count(*) from customer where external_id like ?", Long.class, prefix + "%")).isZero();
    }

    @Test
    void aSmallChunkedCsvIsImported() throws Exception {
        HttpResponse<String> response = post(new CsvLines(prefix, 4_000));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from customer where external_id like ?", Long.class, prefix + "%")).isPositive();
    }

    private HttpResponse<String> post(InputStream body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/customers/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(5))
                // an InputStream publisher has no known length: the client sends the body chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Exactly {@code size} bytes of CSV: a header and valid customer lines, generated as they are read. */
    static final class CsvLines extends InputStream {

        private final String prefix;
        private final long size;
        private long sent;
        private long line;
        private byte[] current = "externalId,name,phone\n".getBytes(StandardCharsets.UTF_8);
        private int at;

        CsvLines(String prefix, long size) {
            this.prefix = prefix;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && sent < size) {
                if (at == current.length) {
                    line++;
                    current = (prefix + line + ",客户" + line + ",1380000" + String.format("%04d", line % 10_000) + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                int chunk = (int) Math.min(Math.min(len - n, current.length - at), size - sent);
                System.arraycopy(current, at, b, off + n, chunk);
                at += chunk;
                n += chunk;
                sent += chunk;
            }
            return n;
        }
    }
}
