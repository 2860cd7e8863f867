package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.customer.CustomerCsvImport;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.Scenario;
import com.careloop.screening.Campaign;
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
        // BENCH_REAL_CALLS=n: only n calls through the public paths, the rest copied in SQL (see cloneOpenCalls)
        int realCalls = System.getenv("BENCH_REAL_CALLS") == null ? calls : Math.min(calls, Integer.parseInt(System.getenv("BENCH_REAL_CALLS")));
        int feedbackItems = System.getenv("BENCH_FEEDBACK") != null ? Integer.parseInt(System.getenv("BENCH_FEEDBACK"))
                : Integer.getInteger("bench.feedback", 1_000);
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
            Path csv = writeCsv(realCalls);
            try (InputStream in = Files.newInputStream(csv)) {
                app.getBean(CustomerCsvImport.class).importCsv(in, csv.getFileName().toString(), "bench");
            }
            jdbc.execute("analyze customer");
            ScreeningService screening = app.getBean(ScreeningService.class);
            Campaign campaign = new Campaign("bench-tasklist", Scenario.USAGE, null, List.of(), List.of(), null, null);
            long runId = screening.startRun(null, campaign, "bench");
            while (jdbc.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, runId) == 0) {
                if (screening.status(runId) == ScreeningService.Status.FAILED) {
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
            long cloned = realCalls < calls ? cloneOpenCalls(jdbc, calls) : 0;
            markCallBacksAndClaims(app, jdbc, calls);
            // what autovacuum does to a table after that many inserts (PostgreSQL 13+): statistics and visibility map
            jdbc.execute("vacuum analyze");
            double setupSeconds = (System.nanoTime() - t0) / 1e9;
            long openCalls = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Task_CallCustomer'", Long.class);
            long openTasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
            long taskAuthRows = jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = 7", Long.class);
            log("set up %d open calls, %d open tasks, %d per-task authorizations in %.0f s", openCalls, openTasks, taskAuthRows, setupSeconds);

            holdForInspection(url, port);
            Path serverLog = explainSlowStatements(app, jdbc);
            Http http = new Http(port);
            JsonNode filters = new ObjectMapper().readTree(http.get("demo", "/engine-rest/filter?resourceType=Task", "application/json").body());
            String defaultFilter = defaultFilterId(filters);
            Map<String, Object> results = new LinkedHashMap<>();
            for (String user : USERS) {
                Map<String, Object> perUser = new LinkedHashMap<>();
                perUser.put(FIRST_SCREEN, time(() -> firstScreen(http, user, defaultFilter)));
                perUser.put(ALL_COUNTS, time(() -> http.get(user, "/engine-rest/filter?resourceType=Task&itemCount=true", "application/json")));
                for (JsonNode f : filters) {
                    String id = f.get("id").asText();
                    String name = f.get("name").asText();
                    perUser.put(name + " · count", time(() -> http.get(user, "/engine-rest/filter/" + id + "/count", "application/json")));
                    perUser.put(name + " · first page", time(() -> firstPage(http, user, id)));
                }
                results.put(user, perUser);
                log("%s: %s", user, perUser);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("openTasks", openTasks);
            out.put("openCalls", openCalls);
            out.put("measuredAs", "agent1 (authorizations on), Tasklist's requests over the engine REST API");
            out.put("perTaskAuthorizations", taskAuthRows);
            out.put("callsThroughPublicPaths", realCalls);
            out.put("callsCopiedInSql", cloned);
            out.put("feedbackItems", feedbackItems);
            out.put("loadAverage", loadAverage());
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

    static final String FIRST_SCREEN = "first screen (filter list, default filter's first page)";
    static final String ALL_COUNTS = "filter list with every count (itemCount=true; not asked by Tasklist 7.24)";

    /**
     * The body Tasklist 7.24 posts for a filter's page (camunda-tasklist-bootstrap.js, taskListQuery): its default
     * sorting (created desc, appended to the filter's own order), active tasks only, no search criteria.
     */
    static final String TASKLIST_PAGE = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
            "sorting":[{"sortOrder":"desc","sortBy":"created"}],"active":true}""";

    /** A filter's first page as Tasklist asks for it: hal+json, with the filter's list columns embedded. */
    static HttpResponse<String> firstPage(Http http, String user, String filterId) throws Exception {
        return http.post(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", TASKLIST_PAGE, "application/hal+json");
    }

    /**
     * Tasklist 7.24's first screen, request by request: the number of filters, the filter list (itemCount=false —
     * Tasklist counts no filter but the one in view), then the page of the filter it opens (the lowest
     * properties.priority), whose hal+json answer carries that filter's count.
     */
    static HttpResponse<String> firstScreen(Http http, String user, String defaultFilter) throws Exception {
        HttpResponse<String> r = http.get(user, "/engine-rest/filter/count?itemCount=false&resourceType=Task", "application/json");
        if (r.statusCode() >= 300) {
            return r;
        }
        r = http.get(user, "/engine-rest/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", "application/json");
        if (r.statusCode() >= 300) {
            return r;
        }
        return firstPage(http, user, defaultFilter);
    }

    static String defaultFilterId(JsonNode filters) {
        JsonNode best = null;
        for (JsonNode f : filters) {
            if (best == null || f.at("/properties/priority").asInt() < best.at("/properties/priority").asInt()) {
                best = f;
            }
        }
        return best == null ? null : best.get("id").asText();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * BENCH_REAL_CALLS: on a machine too busy to start 100,000 processes in time, the open calls made
     * through the public paths are copied in SQL (task row, its task-local variables, its candidate links; a copy
     * keeps the original's process instance, priority and due date, created a little earlier) until there are
     * {@code calls} open calls. The task queries Tasklist causes read only those rows; the report says how many
     * calls were copied. Never for the real installation.
     */
    static long cloneOpenCalls(JdbcTemplate jdbc, int calls) {
        long open = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Task_CallCustomer'", Long.class);
        int copies = (int) Math.max(0, Math.ceil((calls - open) / (double) Math.max(1, open)));
        if (copies == 0) {
            return 0;
        }
        String cols = "id_,rev_,execution_id_,proc_inst_id_,proc_def_id_,case_execution_id_,case_inst_id_,case_def_id_,name_,parent_task_id_,"
                + "description_,task_def_key_,owner_,assignee_,delegation_,priority_,create_time_,last_updated_,due_date_,follow_up_date_,"
                + "suspension_state_,tenant_id_,task_state_";
        jdbc.execute("create table bench_src as select id_ from act_ru_task where task_def_key_ = 'Task_CallCustomer'");
        long need = calls - open;
        jdbc.update("insert into act_ru_task (" + cols + ") select t.id_ || '_c' || g, t.rev_, t.execution_id_, t.proc_inst_id_, t.proc_def_id_,"
                + " t.case_execution_id_, t.case_inst_id_, t.case_def_id_, t.name_, t.parent_task_id_, t.description_, t.task_def_key_, t.owner_,"
                + " t.assignee_, t.delegation_, t.priority_, t.create_time_ - g * interval '37 second', t.last_updated_, t.due_date_,"
                + " t.follow_up_date_, t.suspension_state_, t.tenant_id_, t.task_state_"
                + " from act_ru_task t join bench_src s on s.id_ = t.id_ cross join generate_series(1, ?) g order by g, t.id_ limit ?", copies, need);
        jdbc.update("insert into act_ru_variable (id_,rev_,type_,name_,execution_id_,proc_inst_id_,proc_def_id_,case_execution_id_,case_inst_id_,"
                + "task_id_,batch_id_,bytearray_id_,double_,long_,text_,text2_,var_scope_,sequence_counter_,is_concurrent_local_,tenant_id_)"
                + " select v.id_ || substr(c.id_, length(v.task_id_) + 1), v.rev_, v.type_, v.name_, v.execution_id_, v.proc_inst_id_, v.proc_def_id_,"
                + " v.case_execution_id_, v.case_inst_id_, c.id_, v.batch_id_, v.bytearray_id_, v.double_, v.long_, v.text_, v.text2_, c.id_,"
                + " v.sequence_counter_, v.is_concurrent_local_, v.tenant_id_"
                + " from act_ru_task c join act_ru_variable v on v.task_id_ = split_part(c.id_, '_c', 1) where position('_c' in c.id_) > 0");
        jdbc.update("insert into act_ru_identitylink (id_,rev_,group_id_,type_,user_id_,task_id_,proc_def_id_,tenant_id_)"
                + " select l.id_ || substr(c.id_, length(l.task_id_) + 1), l.rev_, l.group_id_, l.type_, l.user_id_, c.id_, l.proc_def_id_, l.tenant_id_"
                + " from act_ru_task c join act_ru_identitylink l on l.task_id_ = split_part(c.id_, '_c', 1) where position('_c' in c.id_) > 0");
        jdbc.execute("drop table bench_src");
        long after = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = 'Task_CallCustomer'", Long.class);
        log("copied %d open calls in SQL (%d through the public paths)", after - open, open);
        return after - open;
    }

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
        Map<String, Object> first = (Map<String, Object>) mine.get(FIRST_SCREEN);
        out.put("filterCountsP95Ms", first.get("p95"));
        out.put("filterCountsP50Ms", first.get("p50"));
        Map<String, Object> all = (Map<String, Object>) mine.get(ALL_COUNTS);
        out.put("filterListWithEveryCountP95Ms", all.get("p95"));
        out.put("filterListWithEveryCountP50Ms", all.get("p50"));
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
