package com.careloop.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The latest deployed version of a decision table in bpmn/, read as the system (not limited by the signed-in
 * user's authorizations) and parsed once per version: a designer's redeploy takes effect at the next read. The
 * scenario policy, the screening rules and the service parameters are all read through it.
 *
 * <p>A read costs one indexed latest-version query (the table itself is parsed once per deployed definition id);
 * bench/DecisionReadBenchmark measures it. It is kept on purpose: it is what lets a redeploy made on any node take
 * effect at the next read on every node, which a cache in memory could only approximate with a delay. The hot paths
 * read a table once or a few times per job or per chunk of screening starts.
 */
public final class LatestDecision<T> {

    /** The one DMN engine CareLoop evaluates its tables with in memory: the standard FEEL engine, without history. */
    public static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private record Loaded<T>(String definitionId, T value) {}

    private final RepositoryService repository;
    private final IdentityService identity;
    private final String key;
    private final BiFunction<byte[], DecisionDefinition, T> parse;
    private volatile Loaded<T> loaded;

    /** @param parse the table's XML and its definition (version, resource name) to what callers use */
    public LatestDecision(RepositoryService repository, IdentityService identity, String key,
                          BiFunction<byte[], DecisionDefinition, T> parse) {
        this.repository = repository;
        this.identity = identity;
        this.key = key;
        this.parse = parse;
    }

    public T get() {
        var user = identity.getCurrentAuthentication(); // public API returning an engine type: used through var only
        if (user != null) {
            identity.clearAuthentication();
        }
        try {
            DecisionDefinition def = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
            if (def == null) {
                throw new IllegalStateException("decision " + key + " (bpmn/) is not deployed");
            }
            Loaded<T> current = loaded;
            if (current != null && current.definitionId().equals(def.getId())) {
                return current.value();
            }
            byte[] xml;
            try (InputStream in = repository.getResourceAsStream(def.getDeploymentId(), def.getResourceName())) {
                xml = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            T value = parse.apply(xml, def);
            loaded = new Loaded<>(def.getId(), value);
            return value;
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
