package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.quality.QualityBackfill;
import com.careloop.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI benchmark (scripts/bench-kpis.sh): N survey answers and N feedback items (default 1,000,000 each, spread
 * over the 12 months before this month) bulk-loaded with SQL into the domain tables of a real PostgreSQL the
 * benchmark starts, then quality's read model filled through its own bulk path ({@link QualityBackfill#rebuild()}:
 * the followup and feedback modules replay their rows as events). Then GET /api/kpis for one month as manager1 over
 * HTTP — p50/p95 of the runs after warm-ups — and fullScanMs, one plain aggregate query over the raw rows
 * (median of 3). Writes target/bench/kpis.json. Not a test: nothing is asserted.
 */
public final class KpiBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 60);
    static final int WARMUPS = 10;
    static final int AGENTS = 50;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = TestPostgres.jdbcUrl();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--careloop.demo.enabled=false", "--careloop.identity.demo-users=true", "--careloop.notification.email-enabled=false",
                        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN", "--logging.level.com.careloop=INFO");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            LocalDate month = LocalDate.now(SHANGHAI).withDayOfMonth(1).minusMonths(1);
            LocalDate start = month.minusMonths(11);
            long t0 = System.nanoTime();
            load(jdbc, n, start);
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            long events = app.getBean(QualityBackfill.class).rebuild();
            long rollupMs = (System.nanoTime() - t1) / 1_000_000;
            for (String t : List.of("customer", "follow_up", "call_attempt", "survey_response", "feedback_item", "quality_rollup",
                    "quality_feedback_item", "quality_open_item", "quality_keyword_day")) {
                jdbc.execute("analyze " + t);
            }
            System.out.printf("loaded %,d answers and %,d items in %,d ms; read model from %,d events in %,d ms%n", n, n, loadMs, events, rollupMs);

            String from = month.toString();
            String to = month.plusMonths(1).toString();
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("manager1:manager1".getBytes(StandardCharsets.UTF_8));
            Map<String, Object> requests = new LinkedHashMap<>();
            double[] totals = null;
            for (String query : List.of("", "&groupBy=day", "&groupBy=agent", "&groupBy=team")) {
                URI uri = URI.create("http://127.0.0.1:" + port + "/api/kpis?from=" + from + "&to=" + to + query);
                double[] ms = time(http, uri, auth);
                if (query.isEmpty()) {
                    totals = ms;
                }
                requests.put("GET /api/kpis?from=" + from + "&to=" + to + query, Map.of("p50Ms", round(percentile(ms, 0.5)), "p95Ms", round(percentile(ms, 0.95))));
            }
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kpis?from=" + from + "&to=" + to))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();

            double[] scans = new double[3];
            String scan = "select (select count(*) || '/' || sum(case when satisfaction >= 4 then 1 else 0 end) || '/' || avg(satisfaction)"
                    + " || '/' || sum(case when nps >= 9 then 1 when nps <= 6 then -1 else 0 end) from survey_response"
                    + " where answered_at >= ? and answered_at < ?),"
                    + " (select count(*) || '/' || sum(case when result in ('RESOLVED_SATISFIED', 'RESOLVED_UNCONFIRMED') then 1 else 0 end)"
                    + " || '/' || sum(case when reopen_count > 0 then 1 else 0 end) || '/' || sum(case when responded_at <= response_due_at then 1 else 0 end)"
                    + " from feedback_item where closed_at >= ? and closed_at < ?)";
            java.sql.Timestamp a = java.sql.Timestamp.from(month.atStartOfDay(SHANGHAI).toInstant());
            java.sql.Timestamp b = java.sql.Timestamp.from(month.plusMonths(1).atStartOfDay(SHANGHAI).toInstant());
            String scanResult = null;
            for (int i = 0; i < scans.length; i++) {
                long s = System.nanoTime();
                scanResult = jdbc.queryForObject(scan, (rs, k) -> rs.getString(1) + " | " + rs.getString(2), a, b, a, b);
                scans[i] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(scans);
            double fullScanMs = scans[1];

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("surveys", n);
            out.put("feedbackItems", n);
            out.put("month", from);
            out.put("runs", RUNS);
            out.put("p50Ms", round(percentile(totals, 0.5)));
            out.put("p95Ms", round(percentile(totals, 0.95)));
            out.put("fullScanMs", round(fullScanMs));
            out.put("ratio", round(fullScanMs / percentile(totals, 0.95)));
            out.put("requests", requests);
            out.put("loadMs", loadMs);
            out.put("readModelMs", rollupMs);
            out.put("rollupRows", jdbc.queryForObject("select count(*) from quality_rollup", Long.class));
            out.put("rollupRowsOfTheMonth", jdbc.queryForObject("select count(*) from quality_rollup where on_day >= ? and on_day < ?", Long.class,
                    java.sql.Date.valueOf(month), java.sql.Date.valueOf(month.plusMonths(1))));
            out.put("openItems", jdbc.queryForObject("select count(*) from quality_open_item", Long.class));
            out.put("fullScanResult", scanResult);
            out.put("apiTotals", new ObjectMapper().readTree(body).get("totals"));
            Path file = Path.of("target", "bench", "kpis.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (Throwable t) {
            t.printStackTrace();
            app.close();
            System.exit(1);
        }
        app.close();
        System.exit(0);
    }

    static double[] time(HttpClient http, URI uri, String auth) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth).header("Accept", "application/json").build();
        for (int i = 0; i < WARMUPS; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        return ms;
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static double percentile(double[] values, double p) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * The data set, with SQL into the domain tables (like a migration from an old system would): 100,000 customers;
     * n reached follow-ups with one survey answer each plus n/10 unreached, one call attempt each; n feedback items,
     * half raised on those calls, half inbound, 1,000 still open; all spread over the 12 months from {@code start}.
     */
    static void load(JdbcTemplate jdbc, int n, LocalDate start) {
        int customers = 100_000;
        java.sql.Timestamp t0 = java.sql.Timestamp.from(start.atStartOfDay(SHANGHAI).toInstant());
        String spread = "cast(? as timestamptz) + make_interval(secs => (i::bigint * 31536000 / %d) %% 31536000)";
        jdbc.update("insert into customer (external_id, name, tier, opt_out, contact_invalid, created_at, updated_at)"
                + " select 'BENCH-' || i, '客户' || i, case when i % 10 = 0 then 'VIP' else 'STANDARD' end, false, false, now(), now()"
                + " from generate_series(1, ?) i", customers);
        long c0 = jdbc.queryForObject("select min(id) from customer where external_id like 'BENCH-%'", Long.class);
        int unreached = n / 10;
        jdbc.update("insert into follow_up (number, customer_id, scenario, priority, status, result, assigned_agent, last_agent,"
                + " attempt_count, due_at, created_at, closed_at)"
                + " select 'FU-BENCH-' || i, ? + i % ?, (array['POST_RESOLUTION','NEW_PURCHASE','VIP_CARE','USAGE','CHURN_RISK','PROMOTION'])[1 + i % 6],"
                + " 50, 'CLOSED', case when i <= ? then 'COMPLETED' else 'UNREACHABLE' end, null, 'bench-agent-' || (i % " + AGENTS + "), 1,"
                + " t, t - interval '2 hours', t from (select i, " + String.format(spread, n) + " t from generate_series(1, ?) i) s",
                c0, customers, n, t0, n + unreached);
        long f0 = jdbc.queryForObject("select min(id) from follow_up where number like 'FU-BENCH-%'", Long.class);
        jdbc.update("insert into call_attempt (follow_up_id, attempt_no, outcome, agent, called_at)"
                + " select id, 1, case when result = 'COMPLETED' then 'REACHED' else 'NO_ANSWER' end, last_agent, closed_at"
                + " from follow_up where id >= ?", f0);
        jdbc.update("insert into survey_response (follow_up_id, satisfaction, nps, score_attitude, score_expertise, score_timeliness,"
                + " score_resolution, score_convenience, issue_resolved, purchase_intent, feedback_text, notes, agent, answered_at)"
                + " select id, case when id % 10 < 4 then 5 when id % 10 < 8 then 4 when id % 10 = 8 then 3 else 2 end, (id * 13) % 11, 1 + id % 5, 1 + (id / 3) % 5, 1 + (id / 7) % 5,"
                + " 1 + (id / 11) % 5, null, true, id % 9 = 0,"
                + " case when id % 4 = 0 then (array['安装师傅迟到两个小时，态度也不好', '外机噪音很大', '退款一直没到账', '热水器漏水'])[(1 + (id / 4) % 4)::int] end,"
                + " (array['师傅上门很准时，安装很专业', '客服态度很好', '维修速度快', '预约很方便'])[(1 + (id / 4) % 4)::int], last_agent, closed_at"
                + " from follow_up where id >= ? and result = 'COMPLETED'", f0);
        // half the items from the calls (the first n/2 reached follow-ups), half inbound; the last 1,000 still open
        jdbc.update("insert into feedback_item (number, source, type, urgency, description, customer_id, follow_up_id, department, status,"
                + " result, response_due_at, resolution_due_at, responded_at, resolved_at, closed_at, reopen_count, revisit_agent, created_at)"
                + " select 'FB-BENCH-' || i, case when i % 2 = 0 then 'FOLLOW_UP_CALL' else 'INBOUND' end,"
                + " (array['COMPLAINT','PROBLEM','SUGGESTION','CONSULTATION','SALES_LEAD'])[1 + i % 5], case when i % 10 = 0 then 'URGENT' else 'NORMAL' end,"
                + " (array['安装师傅迟到，态度不好', '空调外机噪音大', '热水器漏水', '申请退款', '咨询延保价格'])[1 + i % 5],"
                + " ? + i % ?, case when i % 2 = 0 then ? + i / 2 end,"
                + " (array['cs-supervisors','aftersales-tech','product','cs-center','sales'])[1 + i % 5],"
                + " case when i > ? then 'IN_PROGRESS' else 'CLOSED' end,"
                + " case when i > ? then null when i % 10 = 3 then 'CLOSED_BY_MANAGER' when i % 10 = 4 then 'RESOLVED_UNCONFIRMED' else 'RESOLVED_SATISFIED' end,"
                + " t + interval '1 day', t + interval '3 days', t + case when i % 7 = 0 then interval '2 days' else interval '3 hours' end,"
                + " case when i <= ? then t + interval '2 days' end, case when i <= ? then t + interval '2 days 4 hours' end,"
                + " case when i % 8 = 0 then 1 else 0 end, case when i % 2 = 0 then 'bench-agent-' || (i % " + AGENTS + ") end, t"
                + " from (select i, " + String.format(spread, n) + " t from generate_series(1, ?) i) s",
                c0, customers, f0, n - 1000, n - 1000, n - 1000, n - 1000, t0, n);
    }
}
