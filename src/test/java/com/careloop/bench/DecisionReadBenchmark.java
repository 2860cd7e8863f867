package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.followup.ScenarioPolicy;
import com.careloop.screening.ScreeningRules;
import com.careloop.sla.ServiceParameters;
import com.careloop.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a read of a deployed decision table costs (engine/LatestDecision: the latest-version query on every read,
 * the table parsed once per deployed version): N reads each of serviceParameters, scenarioPolicy and screeningRules
 * on a real PostgreSQL, against the bare latest-version query and an in-memory lookup in an already parsed table.
 * Median and p95 per read over rounds of 1,000 reads. Writes target/bench/decision-reads.json. Not a test.
 * {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.main=com.careloop.bench.DecisionReadBenchmark -Dbench.arg=20000}
 */
public final class DecisionReadBenchmark {

    static final int ROUND = 1000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--careloop.demo.enabled=false", "--careloop.notification.email-enabled=false",
                        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN");
        try {
            ServiceParameters parameters = app.getBean(ServiceParameters.class);
            ScenarioPolicy policy = app.getBean(ScenarioPolicy.class);
            ScreeningRules rules = app.getBean(ScreeningRules.class);
            RepositoryService repository = app.getBean(RepositoryService.class);
            ScenarioPolicy.Table parsed = policy.latest();

            Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
            reads.put("serviceParameters.coolingPeriod()", parameters::coolingPeriod);
            reads.put("scenarioPolicy.latest()", policy::latest);
            reads.put("screeningRules.latest()", rules::latest);
            reads.put("latest-version query alone", () -> repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(ServiceParameters.DECISION_KEY).latestVersion().singleResult());
            reads.put("in-memory lookup in a parsed table", () -> parsed.of(com.careloop.followup.Scenario.VIP_CARE, null));

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("readsEach", n);
            for (Map.Entry<String, Supplier<Object>> read : reads.entrySet()) {
                for (int i = 0; i < 2 * ROUND; i++) { // warm-up
                    read.getValue().get();
                }
                double[] perRead = new double[Math.max(1, n / ROUND)];
                for (int r = 0; r < perRead.length; r++) {
                    long t = System.nanoTime();
                    for (int i = 0; i < ROUND; i++) {
                        read.getValue().get();
                    }
                    perRead[r] = (System.nanoTime() - t) / 1000.0 / ROUND;
                }
                Arrays.sort(perRead);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("medianMicros", Math.round(perRead[perRead.length / 2] * 10) / 10.0);
                f.put("p95Micros", Math.round(perRead[(int) Math.min(perRead.length - 1, Math.ceil(perRead.length * 0.95) - 1)] * 10) / 10.0);
                figures.put(read.getKey(), f);
                System.out.println(read.getKey() + ": " + f);
            }
            Path out = Path.of("target", "bench", "decision-reads.json");
            Files.createDirectories(out.getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
        } finally {
            app.close();
        }
    }
}
