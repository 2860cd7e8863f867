package com.careloop.identity;

import static com.careloop.identity.CareLoopGroups.*;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an API key may call, by scope: the endpoints each scope opens (method and path) and the group the call acts
 * as there, the least of the groups that endpoint lets in. Nothing else of /api is open to a key (403), nor are the
 * Camunda webapps or the engine REST API (they never read a key). This table is the one place that says it.
 */
public enum ApiKeyScope {

    CUSTOMERS_WRITE("customers:write", CS_CENTER,
            "POST /api/customers", "POST /api/customers/import", "POST /api/customers/[^/]+/events", "GET /api/customers/imports/[^/]+"),
    FEEDBACK_WRITE("feedback:write", CS_CENTER, "POST /api/feedback"),
    FOLLOWUPS_WRITE("followups:write", CS_SUPERVISORS, "POST /api/follow-ups"),
    KPIS_READ("kpis:read", CS_SUPERVISORS, "GET /api/kpis", "GET /api/kpis/keywords", "GET /api/reports/[^/]+"),
    WEBHOOKS_MANAGE("webhooks:manage", CS_MANAGERS, "(GET|POST|DELETE) /api/webhooks(/.*)?");

    /** The contract, readable by any valid key without a scope. */
    private static final Pattern CONTRACT = Pattern.compile("GET (/v3/api-docs(/.*|\\.yaml)?|/swagger-ui(/.*|\\.html))");

    private final String value;
    private final String actsAs;
    private final List<Pattern> endpoints;

    ApiKeyScope(String value, String actsAs, String... endpoints) {
        this.value = value;
        this.actsAs = actsAs;
        this.endpoints = Arrays.stream(endpoints).map(Pattern::compile).toList();
    }

    /** As written in requests and answers: {@code customers:write}. */
    public String value() {
        return value;
    }

    /** The groups a call under this scope acts as. */
    Set<String> groups() {
        return Set.of(actsAs);
    }

    public static Optional<ApiKeyScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    public static List<String> allValues() {
        return Arrays.stream(values()).map(ApiKeyScope::value).toList();
    }

    /** What a key needs for this call. */
    sealed interface Need permits Scope, NoScope, NotOpen {}

    record Scope(ApiKeyScope scope) implements Need {}

    record NoScope() implements Need {}

    record NotOpen() implements Need {}

    static Need needFor(String method, String path) {
        String call = method + " " + path;
        if (CONTRACT.matcher(call).matches()) {
            return new NoScope();
        }
        for (ApiKeyScope scope : values()) {
            if (scope.endpoints.stream().anyMatch(p -> p.matcher(call).matches())) {
                return new Scope(scope);
            }
        }
        return new NotOpen();
    }
}
