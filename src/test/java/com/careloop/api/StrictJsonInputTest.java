package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Request JSON: strings must be valid Unicode, dates ISO-8601 text within the years 1–9999. */
class StrictJsonInputTest {

    record Body(String name, LocalDate asOf, Instant at) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new StrictJsonInput().strictJsonInputModule());

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        for (String bad : new String[] {"\\ud800", "a\\udc00b", "x\\ud83d"}) {
            assertThatThrownBy(() -> json.readValue("{\"name\":\"" + bad + "\"}", Body.class))
                    .isInstanceOf(InvalidFormatException.class).hasMessageContaining("lone UTF-16 surrogate").hasMessageContaining("name");
        }
    }

    @Test
    void nulIsRefusedLikeALoneSurrogate() {
        // PostgreSQL text cannot hold U+0000: it was a 500 before
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\\u0000b\"}", Body.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("NUL").hasMessageContaining("name");
    }

    @Test
    void queryParametersWithNulOrABrokenEscapeAreA400NamingTheParameter() throws Exception {
        for (String query : new String[] {"q=%00", "q=a%00b", "q=%zz"}) {
            org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/feedback");
            request.setQueryString(query);
            org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
            org.springframework.mock.web.MockFilterChain chain = new org.springframework.mock.web.MockFilterChain();
            new StrictQueryParameters.Filter().doFilter(request, response, chain);
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentAsString()).as(query).contains("\"field\":\"q\"");
            assertThat(chain.getRequest()).as("no controller ran").isNull();
        }
        org.springframework.mock.web.MockHttpServletRequest fine = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/feedback");
        fine.setQueryString("q=%E6%BC%8F%E6%B0%B4&page=0");
        org.springframework.mock.web.MockFilterChain chain = new org.springframework.mock.web.MockFilterChain();
        new StrictQueryParameters.Filter().doFilter(fine, new org.springframework.mock.web.MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("漏水 passes").isNotNull();
    }

    @Test
    void validTextPassesIncludingSurrogatePairs() throws Exception {
        assertThat(json.readValue("{\"name\":\"王芳 \\ud83d\\ude00 ok\"}", Body.class).name()).isEqualTo("王芳 😀 ok");
    }

    @Test
    void datesAreIsoTextWithinTheYearsADatabaseHolds() throws Exception {
        assertThat(json.readValue("{\"asOf\":\"2026-12-02\",\"at\":\"2026-12-02T08:00:00Z\"}", Body.class).asOf()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(json.readValue("{\"asOf\":null}", Body.class).asOf()).isNull();
        for (String bad : new String[] {"{\"asOf\":2147483648}", "{\"asOf\":-1}", "{\"asOf\":\"\"}", "{\"asOf\":\" \"}",
                "{\"asOf\":\"+10000-01-01\"}", "{\"at\":99999999999999}", "{\"at\":\"-0001-01-01T00:00:00Z\"}"}) {
            assertThatThrownBy(() -> json.readValue(bad, Body.class)).as(bad).isInstanceOf(InvalidFormatException.class);
        }
    }
}
