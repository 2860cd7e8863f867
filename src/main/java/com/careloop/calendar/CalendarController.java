package com.careloop.calendar;

import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holiday calendar over REST: which years are on file, load a year, and what each day is. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final HolidayCalendar calendar;
    private final ApiAccess access;

    CalendarController(HolidayCalendar calendar, ApiAccess access) {
        this.calendar = calendar;
        this.access = access;
    }

    @GetMapping("/years")
    List<HolidayCalendar.YearSummary> years() {
        access.requireAny(ApiAccess.READ);
        return calendar.years();
    }

    /** Replaces one year (text/csv, the columns of the shipped file: date,kind,name); cs-managers and admins. */
    @PutMapping(path = "/years/{year}", consumes = {"text/csv", "text/plain"})
    HolidayCalendar.YearSummary replaceYear(@PathVariable int year, @RequestBody(required = false) String csv) {
        ApiUser user = access.requireAny(ApiAccess.MAINTAIN_CALENDAR);
        return calendar.replaceYear(year, csv, user.id());
    }

    @GetMapping("/days")
    List<HolidayCalendar.Day> days(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.requireAny(ApiAccess.READ);
        return calendar.days(from, to);
    }
}
