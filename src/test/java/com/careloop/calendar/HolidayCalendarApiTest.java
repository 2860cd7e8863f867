package com.careloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.sla.WorkCalendar;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/calendar on PostgreSQL: the years on file, loading a year (validated, atomic, used at once), the days. */
class HolidayCalendarApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired WorkCalendar calendar;

    static final String Y2035 = """
            date,kind,name
            2035-01-01,HOLIDAY,元旦
            2035-01-06,WORKDAY,调休
            """;

    ResponseEntity<Map<String, Object>> put(String user, int year, String csv) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        h.setBasicAuth(user, user);
        return rest.exchange("/api/calendar/years/" + year, HttpMethod.PUT, new HttpEntity<>(csv, h),
                new ParameterizedTypeReference<>() {});
    }

    Map<String, String> kinds(String from, String to) {
        ResponseEntity<List<Map<String, Object>>> days = Api.as(rest, "agent1").getList("/api/calendar/days?from=" + from + "&to=" + to);
        assertThat(days.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, String> byDate = new java.util.TreeMap<>();
        days.getBody().forEach(d -> byDate.put((String) d.get("date"), (String) d.get("kind")));
        return byDate;
    }

    @Test
    void everyYearOnFileIsAWholeYearWithItsSource() {
        ResponseEntity<List<Map<String, Object>>> years = Api.as(rest, "agent1").getList("/api/calendar/years");
        assertThat(years.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(years.getBody()).isNotEmpty().allSatisfy(y -> {
            assertThat(((Number) y.get("holidays")).intValue()).as("holidays of " + y.get("year")).isGreaterThanOrEqualTo(1);
            assertThat((String) y.get("source")).isNotBlank();
        });
        // the shipped years are seeded whole: at least the seven statutory days off each
        assertThat(years.getBody()).filteredOn(y -> ((String) y.get("source")).startsWith("shipped"))
                .isNotEmpty()
                .allSatisfy(y -> assertThat(((Number) y.get("holidays")).intValue()).isGreaterThanOrEqualTo(7));
    }

    @Test
    void shippedYearsKeepTheNamesOfTheirDays() {
        ResponseEntity<List<Map<String, Object>>> days = Api.as(rest, "agent1").getList("/api/calendar/days?from=2026-10-01&to=2026-10-01");
        assertThat(days.getBody()).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("kind", "HOLIDAY");
            assertThat((String) d.get("name")).isNotBlank();
        });
    }

    @Test
    void aLoadedYearIsUsedByDeadlinesAtOnceAndReplacedWhole() {
        ResponseEntity<Map<String, Object>> loaded = put("manager1", 2035, Y2035);
        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(loaded.getBody()).containsEntry("year", 2035).containsEntry("holidays", 1)
                .containsEntry("adjustedWorkdays", 1).containsEntry("updatedBy", "manager1");

        assertThat(kinds("2035-01-01", "2035-01-07")).containsExactly(
                Map.entry("2035-01-01", "HOLIDAY"), Map.entry("2035-01-02", "WORKDAY"), Map.entry("2035-01-03", "WORKDAY"),
                Map.entry("2035-01-04", "WORKDAY"), Map.entry("2035-01-05", "WORKDAY"),
                Map.entry("2035-01-06", "ADJUSTED_WORKDAY"), Map.entry("2035-01-07", "WEEKEND"));
        // a deadline one working day after New Year's Eve skips the holiday
        Instant lastFriday = Instant.parse("2034-12-29T02:00:00Z"); // Friday 10:00 in Shanghai
        assertThat(calendar.plusWorkingDays(lastFriday, 1)).isEqualTo(Instant.parse("2035-01-02T02:00:00Z"));

        // loading again replaces the year: the adjusted working day is gone
        assertThat(put("manager1", 2035, "2035-01-01,HOLIDAY,元旦\n2035-01-02,HOLIDAY,元旦\n").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kinds("2035-01-01", "2035-01-06")).containsEntry("2035-01-02", "HOLIDAY").containsEntry("2035-01-06", "WEEKEND");
        assertThat(calendar.isWorkingDay(LocalDate.of(2035, 1, 6))).isFalse();
    }

    @Test
    void aBadFileIsRefusedLineByLineAndChangesNothing() {
        assertThat(put("demo", 2036, "2036-01-01,HOLIDAY,元旦\n").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> refused = put("demo", 2036, """
                date,kind,name
                2037-01-01,HOLIDAY,元旦
                2036-01-02,HOLIDAY,元旦
                2036-01-02,WORKDAY,调休
                01.02.2036,HOLIDAY,春节
                2036-01-07,WORKDAY,调休
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) refused.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("line 2", "line 4", "line 5", "line 6");
        assertThat(errors.get(0).get("message")).contains("not in 2036");
        assertThat(errors.get(1).get("message")).contains("both a HOLIDAY and a WORKDAY");
        assertThat(errors.get(3).get("message")).contains("Saturday or Sunday");
        assertThat(kinds("2036-01-01", "2036-01-02")).containsEntry("2036-01-01", "HOLIDAY").containsEntry("2036-01-02", "WORKDAY");
    }

    @Test
    void onlyManagersAndAdminsLoadYears() {
        ResponseEntity<Map<String, Object>> agent = put("agent1", 2039, "2039-01-03,HOLIDAY,x\n");
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agent.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(put("supervisor1", 2039, "2039-01-03,HOLIDAY,x\n").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(calendar.hasDataFor(2039)).isFalse();
        assertThat(Api.anonymous(rest).getRaw("/api/calendar/years").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreNamed() {
        assertThat(Api.as(rest, "agent1").getRaw("/api/calendar/days?from=2026-02-01&to=2026-01-01").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.as(rest, "agent1").getRaw("/api/calendar/days?from=2026-01-01&to=2028-01-01").getBody()).contains("400 days");
        assertThat(Api.as(rest, "agent1").getRaw("/api/calendar/days?from=2026-01-01").getBody()).contains("\"to\"");
        assertThat(Api.as(rest, "agent1").getRaw("/api/calendar/days?from=tomorrow&to=2026-01-01").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put("demo", 1999, "1999-01-01,HOLIDAY,x\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> empty = put("demo", 2039, "# nothing\n");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().toString()).contains("no HOLIDAY line");
    }
}
