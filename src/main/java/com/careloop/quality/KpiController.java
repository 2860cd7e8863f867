package com.careloop.quality;

import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis} and {@code GET /api/kpis/keywords}: cs-managers, cs-supervisors (and camunda-admin) read
 * everyone's; an agent reads only {@code ?agent=<self>}. {@code ?channel=PHONE|SMS|WEB} reads one channel's KPIs (the
 * survey answers given on a call or by a survey link); {@code ?groupBy=channel} splits by it.
 */
@RestController
@RequestMapping("/api/kpis")
public class KpiController {

    static final int MAX_DAYS = 3 * 366;
    static final int MAX_KEYWORDS = 200;

    private final QualityKpis kpis;
    private final QualityKeywords keywords;
    private final ApiAccess access;

    KpiController(QualityKpis kpis, QualityKeywords keywords, ApiAccess access) {
        this.kpis = kpis;
        this.keywords = keywords;
        this.access = access;
    }

    @GetMapping
    public Map<String, Object> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String groupBy, @RequestParam(required = false) String agent,
                                    @RequestParam(required = false) String team,
                                    @RequestParam(required = false) String channel) {
        mayRead(agent);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        KpiGrouping grouping = null;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                grouping = KpiGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("groupBy", "must be one of "
                        + Arrays.stream(KpiGrouping.values()).map(g -> g.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }
        String channelKey = channelKey(blankToNull(channel), errors);
        period(f, t, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        KpiReport report = kpis.report(f, t, grouping, blankToNull(agent), blankToNull(team), channelKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("groupBy", grouping == null ? null : grouping.name().toLowerCase(Locale.ROOT));
        if (channelKey != null) {
            body.put("channel", channel.strip().toUpperCase(Locale.ROOT));
        }
        body.put("totals", flat(report.totals()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (KpiGroup g : report.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", g.key());
            m.put("label", g.label());
            m.putAll(flat(g.kpis()));
            groups.add(m);
        }
        body.put("groups", groups);
        return body;
    }

    @GetMapping("/keywords")
    public Map<String, Object> keywords(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String limit) {
        access.requireAny(ApiAccess.READ_KPIS);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        int n = 20;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
                if (n < 1 || n > MAX_KEYWORDS) {
                    errors.add(new InvalidRequestException.FieldError("limit", "must be between 1 and " + MAX_KEYWORDS));
                }
            } catch (NumberFormatException e) {
                errors.add(new InvalidRequestException.FieldError("limit", "must be a whole number between 1 and " + MAX_KEYWORDS));
            }
        }
        period(f, t, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.toString());
        body.put("to", t.toString());
        body.put("keywords", keywords.top(f, t, n));
        return body;
    }

    /** Managers and supervisors read everything; an agent only their own KPIs. */
    private void mayRead(String agent) {
        ApiUser user = access.currentUser();
        if (!Collections.disjoint(user.groups(), ApiAccess.READ_KPIS)) {
            return;
        }
        if (user.groups().contains(CareLoopGroups.AGENTS) && agent != null && agent.strip().equals(user.id())) {
            return;
        }
        throw new ForbiddenException(user.groups().contains(CareLoopGroups.AGENTS)
                ? "坐席只能查看本人的指标 An agent may read only their own KPIs: ?agent=" + user.id()
                : "user " + user.id() + " is not in any of the groups " + ApiAccess.READ_KPIS.stream().sorted().toList());
    }

    private static LocalDate date(String name, String value, List<InvalidRequestException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidRequestException.FieldError(name, "is required (a date yyyy-MM-dd, Asia/Shanghai)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidRequestException.FieldError(name, "must be a date yyyy-MM-dd, not '" + value + "'"));
            return null;
        }
    }

    private static void period(LocalDate f, LocalDate t, List<InvalidRequestException.FieldError> errors) {
        if (f == null || t == null) {
            return;
        }
        if (!f.isBefore(t)) {
            errors.add(new InvalidRequestException.FieldError("to", "must be after from (the period is [from, to))"));
        } else if (f.plusDays(MAX_DAYS).isBefore(t)) {
            errors.add(new InvalidRequestException.FieldError("to", "the period may span at most " + MAX_DAYS + " days"));
        }
    }

    /** The channels {@code ?channel=} takes: how survey answers came (the call, a survey text's link, the web). */
    static final List<String> CHANNELS = List.of("PHONE", "SMS", "WEB");

    /**
     * The channel dimension's key of {@code ?channel=}: PHONE is the follow-up call (FOLLOW_UP: its survey answers, its
     * outcomes and the items raised on it), SMS and WEB the answers by the page of a survey link.
     */
    private static String channelKey(String channel, List<InvalidRequestException.FieldError> errors) {
        if (channel == null) {
            return null;
        }
        String c = channel.toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(c)) {
            errors.add(new InvalidRequestException.FieldError("channel", "must be one of " + CHANNELS));
            return null;
        }
        return c.equals("PHONE") ? com.careloop.feedback.FeedbackChannel.FOLLOW_UP.name() : c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every KPI as a field, null included (no denominator). */
    static Map<String, Object> flat(KpiValues v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surveys", v.surveys());
        m.put("csat", v.csat());
        m.put("csatMean", v.csatMean());
        m.put("nps", v.nps());
        m.put("reachRate", v.reachRate());
        m.put("resolutionRate", v.resolutionRate());
        m.put("fcr", v.fcr());
        m.put("responseOnTime", v.responseOnTime());
        m.put("resolutionOnTime", v.resolutionOnTime());
        m.put("reopenRate", v.reopenRate());
        m.put("leadConversion", v.leadConversion());
        m.put("leadWinRate", v.leadWinRate());
        m.put("leadQuotedShare", v.leadQuotedShare());
        m.put("pausedShare", v.pausedShare());
        m.put("pausedMinutesMean", v.pausedMinutesMean());
        m.put("backlog", v.backlog());
        m.put("overdue", v.overdue());
        m.put("dimensions", v.dimensions());
        m.put("qaScore", v.qaScore());
        m.put("reviews", v.reviews());
        return m;
    }
}
