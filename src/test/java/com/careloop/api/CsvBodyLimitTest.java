package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** CSV imports over 100 MB: 413 problem+json by their Content-Length, before anything reads them. */
class CsvBodyLimitTest {

    private final CsvBodyLimit.Filter filter = new CsvBodyLimit.Filter(DataSize.ofMegabytes(100));

    @Test
    void aCsvImportOverTheLimitIs413Problem() throws Exception {
        MockHttpServletResponse response = run("/api/customers/import", DataSize.ofMegabytes(100).toBytes() + 1);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("100 MB");
    }

    @Test
    void aCsvImportAtTheLimitAndOtherPathsPass() throws Exception {
        assertThat(run("/api/customers/import", DataSize.ofMegabytes(100).toBytes()).getStatus()).isEqualTo(200);
        assertThat(run("/api/customers", DataSize.ofMegabytes(200).toBytes()).getStatus()).as("not an import: ApiBodyLimit's").isEqualTo(200);
    }

    private MockHttpServletResponse run(String path, long contentLength) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return contentLength;
            }
        };
        request.setContentType("text/csv");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
