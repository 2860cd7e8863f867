package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.customer.CustomerCsvImport;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.Scenario;
import com.careloop.screening.Campaign;
import com.careloop.screening.ScreeningRun;
import com.careloop.screening.ScreeningService;
import com.careloop.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tasklist benchmark (scripts/bench-tasklist.sh): N open follow-up calls (default 100,000; 1 % VIP calls
 * assigned to agent1) plus some open feedback items on a real PostgreSQL, created through the public paths
 * (CSV import, one campaign, inbound feedback of every urgency; 1 % of the calls marked as call-backs due today, 50
 * claimed by agent1). Then the requests Tasklist makes — the filter list with counts (its first screen), each shipped
 * filter's count and first page (the filter's priority/due-date order, then Tasklist's created desc; hal+json with
 * the filter's list-column variables, as Tasklist asks) —
 * timed over HTTP as an agent, a supervisor and the administrator (the baseline, same run), 30 runs after 3
 * warm-ups each. Writes target/bench/tasklist.json. Not a test: nothing is asserted.
 */
public final class TasklistBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 30);
    static final int WARMUPS = 3;
    static final List<String> USERS = List.of("agent1", "supervisor1", "demo");

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int feedbackItems = Integer.getInteger("bench.feedback", 1_000);
        String url = TestPostgres.jdbcUrl();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--careloop.demo.enabled=false", "--careloop.identity.demo-users=true", "--careloop.notification.email-enabled=false",
                        "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.com.careloop=INFO");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            Path csv = writeCsv(calls);
            try (InputStream in = Files.newInputStream(csv)) {
                app.getBean(CustomerCsvImport.class).importCsv(in, csv.getFileName().toString(), "bench");
            }
            jdbc.execute("analyze customer");
            ScreeningService screening = app.getBean(ScreeningService.class);
            Campaign campaign = new Campaign("bench-tasklist", Scenario.USAGE, null, List.of(), List.of(), null, null);
            ScreeningRun run = screening.start(null, campaign, "bench");
            while (jdbc.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, run.getId()) == 0) {
                if (screening.status(screening.get(run.getId())) == ScreeningService.Status.FAILED) {
                    throw new IllegalStateException("the campaign has an incident");
                }
                Thread.sleep(500);
            }
            FeedbackService feedback = app.getBean(FeedbackService.class);
            List<Long> customerIds = jdbc.queryForList("select id from customer order by id fetch first " + feedbackItems + " rows only", Long.class);
            FeedbackType[] types = {FeedbackType.COMPLAINT, FeedbackType.PROBLEM, FeedbackType.SUGGESTION, FeedbackType.CONSULTATION};
            Urgency[] urgencies = Urgency.values();
            for (int i = 0; i < customerIds.size(); i++) {
                feedback.registerInbound(new InboundFeedbackRequest(customerIds.get(i), types[i % types.length], urgencies[i % urgencies.length],
                        "基准测试"), "center1");
            }
            markCallBacksAndClaims(app, jdbc, calls);
            jdbc.execute("analyze");
            double setupSeconds = (System.nanoTime() - t0) / 1e9;
            long openCalls = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Task_CallCustomer'", Long.class);
            long openTasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
            long taskAuthRows = jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = 7", Long.class);
            log("set up %d open calls, %d open tasks, %d per-task authorizations in %.0f s", openCalls, openTasks, taskAuthRows, setupSeconds);

            holdForInspection(url, port);
            Path serverLog = explainSlowStatements(app, jdbc);
            Http http = new Http(port);
            JsonNode filters = new ObjectMapper().readTree(http.get("demo", "/engine-rest/filter?resourceType=Task", "application/json").body());
            Map<String, Object> results = new LinkedHashMap<>();
            for (String user : USERS) {
                Map<String, Object> perUser = new LinkedHashMap<>();
                perUser.put("filter list with counts", time(() -> http.get(user, "/engine-rest/filter?resourceType=Task&itemCount=true", "application/json")));
                for (JsonNode f : filters) {
                    String id = f.get("id").asText();
                    String name = f.get("name").asText();
                    perUser.put(name + " · count", time(() -> http.get(user, "/engine-rest/filter/" + id + "/count", "application/json")));
                    perUser.put(name + " · first page", time(() -> http.post(user, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
                            "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", "application/hal+json")));
                }
                results.put(user, perUser);
                log("%s: %s", user, perUser);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("openTasks", openTasks);
            out.put("openCalls", openCalls);
            out.put("measuredAs", "agent1 (authorizations on), Tasklist's requests over the engine REST API");
            out.put("perTaskAuthorizations", taskAuthRows);
            out.put("runs", RUNS);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            out.put("millis", results);
            out.putAll(summary(results, "agent1"));
            out.put("baseline", Map.of("user", "demo (admin, same run)", "summary", summary(results, "demo")));
            out.put("agentToAdminP95", ratios(results, "agent1"));
            out.put("supervisorToAdminP95", ratios(results, "supervisor1"));
            Path file = Path.of("target", "bench", "tasklist.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            log("wrote %s", file);
            if (serverLog != null && Files.exists(serverLog)) {
                Path plans = Path.of("target", "bench", "tasklist-plans.log");
                Files.writeString(plans, String.join("\n", Files.readAllLines(serverLog, StandardCharsets.UTF_8).stream()
                        .dropWhile(l -> !l.contains("duration:")).toList()));
                log("query plans of statements over %d ms: %s", PLAN_MIN_MS, plans);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    static final int PLAN_MIN_MS = Integer.getInteger("bench.planMinMs", 50);

    /**
     * With BENCH_HOLD=1 in the environment the benchmark stops after the set-up, with the application and its PostgreSQL running,
     * until target/bench/hold-release exists: time to EXPLAIN ANALYZE the statements Tasklist causes (psql on the
     * logged URL) and to try requests by hand. Then it measures as usual.
     */
    static void holdForInspection(String jdbcUrl, int port) throws InterruptedException {
        if (System.getenv("BENCH_HOLD") == null) {
            return;
        }
        Path release = Path.of("target", "bench", "hold-release");
        log("holding for inspection: %s, http://127.0.0.1:%d; touch %s to measure", jdbcUrl, port, release.toAbsolutePath());
        while (!Files.exists(release)) {
            Thread.sleep(1000);
        }
    }

    /**
     * From here on PostgreSQL's auto_explain logs the plan of every statement slower than PLAN_MIN_MS into the
     * server log (the benchmark's PostgreSQL, started as root, writes server.log into its data directory).
     */
    static Path explainSlowStatements(ConfigurableApplicationContext app, JdbcTemplate jdbc) {
        try {
            // one session: the module must be loaded before its settings are known to ALTER SYSTEM
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
                try (var st = con.createStatement()) {
                    st.execute("load 'auto_explain'");
                    st.execute("alter system set session_preload_libraries = 'auto_explain'");
                    st.execute("alter system set auto_explain.log_min_duration = '" + PLAN_MIN_MS + "ms'");
                    st.execute("select pg_reload_conf()");
                }
                return null;
            });
            app.getBeansOfType(com.zaxxer.hikari.HikariDataSource.class).values()
                    .forEach(ds -> ds.getHikariPoolMXBean().softEvictConnections());
            Thread.sleep(1000);
            return Path.of(jdbc.queryForObject("show data_directory", String.class), "server.log");
        } catch (Exception e) {
            log("no query plans: %s", e.getMessage());
            return null;
        }
    }

    /** Every customer is in the campaign; one in a hundred is a VIP whose call goes to agent1. */
    static Path writeCsv(int n) throws Exception {
        Path csv = Path.of("target", "bench", "tasklist-customers.csv");
        Files.createDirectories(csv.getParent());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("客户编号,客户名称,联系电话,客户等级,客户经理,首次购买时间,最近购买时间,最近登录时间\n");
            for (int g = 1; g <= n; g++) {
                boolean vip = g % 100 == 0;
                out.write("TL-" + g + ",客户" + g + "," + String.format("139%08d", g) + "," + (vip ? "VIP" : "STANDARD") + ","
                        + (vip ? "agent1" : "") + "," + today.minusDays(400) + "," + today.minusDays(200) + "," + today.minusDays(2) + "\n");
            }
        }
        return csv;
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** p50 and p95 in ms of RUNS timed requests after WARMUPS; a request that fails is reported as such. */
    /**
     * What an agent's day adds to the open calls: 1 % are call-backs agreed for today (the call task's task-local marker
     * and due date, as the call-back timer's task gets them) and agent1 has claimed 50 calls.
     */
    static void markCallBacksAndClaims(ConfigurableApplicationContext app, JdbcTemplate jdbc, int calls) {
        org.camunda.bpm.engine.TaskService taskService = app.getBean(org.camunda.bpm.engine.TaskService.class);
        List<String> ids = jdbc.queryForList("select id_ from act_ru_task where task_def_key_ = 'Task_CallCustomer' and assignee_ is null"
                + " order by id_ fetch first " + (Math.max(1, calls / 100) + 50) + " rows only", String.class);
        java.util.Date today = new java.util.Date();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (i < 50) {
                taskService.claim(id, "agent1");
            } else {
                taskService.setVariableLocal(id, com.careloop.identity.TasklistFilters.CALLBACK_SCHEDULED, true);
                org.camunda.bpm.engine.task.Task t = taskService.createTaskQuery().taskId(id).singleResult();
                t.setDueDate(today);
                taskService.saveTask(t);
            }
        }
    }

    /**
     * The figures the issue names for one user: the first screen (filter list with counts) and every shipped filter's
     * count and first page, p50 and p95 in ms; {@code firstPageP95Ms} is the slowest filter's first page.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> summary(Map<String, Object> results, String user) {
        Map<String, Object> mine = (Map<String, Object>) results.get(user);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> first = (Map<String, Object>) mine.get("filter list with counts");
        out.put("filterCountsP95Ms", first.get("p95"));
        out.put("filterCountsP50Ms", first.get("p50"));
        Map<String, Object> perFilter = new LinkedHashMap<>();
        long worstPage = 0;
        long worstPage50 = 0;
        for (Map.Entry<String, Object> e : mine.entrySet()) {
            if (!e.getKey().endsWith(" · count")) {
                continue;
            }
            String name = e.getKey().substring(0, e.getKey().length() - " · count".length());
            Map<String, Object> count = (Map<String, Object>) e.getValue();
            Map<String, Object> page = (Map<String, Object>) mine.get(name + " · first page");
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("countP95Ms", count.get("p95"));
            f.put("countP50Ms", count.get("p50"));
            f.put("firstPageP95Ms", page.get("p95"));
            f.put("firstPageP50Ms", page.get("p50"));
            perFilter.put(name, f);
            if (page.get("p95") instanceof Number n) {
                worstPage = Math.max(worstPage, n.longValue());
            }
            if (page.get("p50") instanceof Number n) {
                worstPage50 = Math.max(worstPage50, n.longValue());
            }
        }
        out.put("firstPageP95Ms", worstPage);
        out.put("firstPageP50Ms", worstPage50);
        out.put("perFilter", perFilter);
        return out;
    }

    static Map<String, Object> time(Request r) throws Exception {
        for (int i = 0; i < WARMUPS; i++) {
            HttpResponse<String> res = r.send();
            if (res.statusCode() >= 300) {
                return Map.of("status", res.statusCode(), "body", res.body().length() > 200 ? res.body().substring(0, 200) : res.body());
            }
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            r.send();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", Math.round(percentile(ms, 0.50)));
        m.put("p95", Math.round(percentile(ms, 0.95)));
        return m;
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ratios(Map<String, Object> results, String user) {
        Map<String, Object> admin = (Map<String, Object>) results.get("demo");
        Map<String, Object> mine = (Map<String, Object>) results.get(user);
        Map<String, Object> out = new LinkedHashMap<>();
        mine.forEach((k, v) -> {
            Object a = ((Map<String, Object>) admin.get(k)).get("p95");
            Object b = ((Map<String, Object>) v).get("p95");
            if (a instanceof Number an && b instanceof Number bn) {
                out.put(k, Math.round(100.0 * bn.doubleValue() / Math.max(1, an.doubleValue())) / 100.0);
            }
        });
        return out;
    }

    /** HTTP Basic as a demo user (password = user id), the way Tasklist's requests reach the engine. */
    record Http(int port, HttpClient client) {
        Http(int port) {
            this(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        HttpRequest.Builder request(String user, String path, String accept) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(Integer.getInteger("bench.httpTimeoutSeconds", 300)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", accept);
        }

        HttpResponse<String> get(String user, String path, String accept) throws Exception {
            return client.send(request(user, path, accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String user, String path, String body, String accept) throws Exception {
            return client.send(request(user, path, accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static void log(String format, Object... args) {
        org.slf4j.LoggerFactory.getLogger(TasklistBenchmark.class).info(String.format(Locale.ROOT, format, args));
    }
}
