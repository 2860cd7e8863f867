package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Drives every {@code /api} endpoint Spring knows (read from its RequestMappingHandlerMapping, so a new endpoint is
 * covered without editing this test) with malformed JSON, wrong types, unknown enum values, out-of-range numbers,
 * 100,000-character strings, oversized bodies, SQL / script / template injection strings and invalid encodings (lone
 * UTF-16 surrogates, invalid UTF-8), as an administrator (so that no authorization check hides a parser). Every
 * answer must be a 4xx problem+json (a 2xx only for a GET), never a 5xx; no business or engine table changes its row
 * count (a refused CSV import leaves only its FAILED import record, as documented);
 * the application still answers its health check afterwards.
 */
class ApiFuzzTest extends CareLoopTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");
    private static final String LONG = "长".repeat(50_000) + "x".repeat(50_000);
    private static final List<String> HOSTILE_STRINGS = List.of(
            "'; DROP TABLE customer; --", "1' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "${7*7}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "${jndi:ldap://127.0.0.1:1/a}", "../../../../etc/passwd",
            "NOT_A_VALUE", "", " ", "\u0000", "\uFEFF", "2026-13-45T25:61:00Z", LONG);
    /** JSON literals that are the wrong type or out of range for whatever a field is. */
    private static final List<String> HOSTILE_LITERALS = List.of(
            "{\"nested\":{\"deeper\":[1,2,3]}}", "[1,\"two\",null]", "true", "1e400", "-1e400", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-2147483649", "0.000000000000000000001", "-1", "NaN", "null",
            "\"\\ud800\"", "\"ok\\udc00tail\"", "\"\\ud83d\"");
    private static final List<byte[]> BROKEN_BODIES = List.of(
            bytes("{"), bytes("{\"a\":}"), bytes("[1,2"), bytes("nul"), bytes(""), bytes("}{"), bytes("{\"a\" 1}"),
            bytes("[]"), bytes("\"text\""), bytes("42"), bytes("null"), bytes("\"\\ud800\""),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
            bytes("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
    private static final List<String> HOSTILE_PATH_VALUES = List.of(
            "987654321987", "-1", "99999999999999999999", "NOT_A_VALUE", "'; DROP TABLE customer; --", "<script>alert(1)</script>",
            "${7*7}", "x".repeat(2_000));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    @Test
    void everyApiEndpointRefusesHostileInputWith4xxProblemAndWritesNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the /api endpoints Spring maps").hasSizeGreaterThan(15);
        Map<String, Long> before = rowCounts();

        for (Endpoint e : endpoints) {
            fuzz(e);
        }

        System.out.println("ApiFuzzTest: " + cases + " cases over " + endpoints.size() + " endpoints");
        assertThat(failures).as(cases + " cases, failures").isEmpty();
        assertThat(rowCounts()).as("row counts of the business and engine tables").isEqualTo(before);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(cases).isGreaterThan(1_000);
    }

    private void fuzz(Endpoint e) throws Exception {
        String baseline = fill(e.path, e.pathVariableNames(), null, null);
        for (String name : e.pathVariableNames()) {
            for (String value : HOSTILE_PATH_VALUES) {
                check(e, fill(e.path, e.pathVariableNames(), name, value), e.bodyType != null ? bytes("{\"x\":1}") : null, "application/json");
            }
            check(e, e.path.replace("{" + name + "}", "%ED%A0%80").replaceAll("\\{[^}]+}", "987654321987"), null, null);
        }
        for (String param : e.requestParams) {
            for (String value : HOSTILE_STRINGS) {
                String v = value.length() > 3_000 ? value.substring(value.length() - 3_000) : value;
                check(e, baseline + "?" + param + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8), null, null);
            }
            check(e, baseline + "?" + param + "=%ED%A0%80", null, null);
            check(e, baseline + "?" + param + "=%C3%28", null, null);
        }
        if (e.method.equals("GET") || e.method.equals("DELETE")) {
            return;
        }
        for (byte[] body : BROKEN_BODIES) {
            if (!(e.bodyOptional && meansNoInput(body))) {
                check(e, baseline, body, "application/json");
            }
        }
        check(e, baseline, bytes("{\"a\":1}"), "text/plain");
        check(e, baseline, bytes("<a>1</a>"), "application/xml");
        byte[] oversized = new byte[2 * 1024 * 1024 + 10];
        java.util.Arrays.fill(oversized, (byte) 'x');
        oversized[0] = '"';
        oversized[oversized.length - 1] = '"';
        check(e, baseline, oversized, "application/json");
        for (String field : e.fields()) {
            for (String value : HOSTILE_STRINGS) {
                check(e, baseline, bytes("{\"" + field + "\":" + jsonString(value) + "}"), "application/json");
            }
            for (String literal : HOSTILE_LITERALS) {
                if (!(e.bodyOptional && literal.equals("null"))) {
                    check(e, baseline, bytes("{\"" + field + "\":" + literal + "}"), "application/json");
                }
            }
            byte[] cesu = concat(bytes("{\"" + field + "\":\"a"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("b\"}"));
            check(e, baseline, cesu, "application/json");
            byte[] invalidUtf8 = concat(bytes("{\"" + field + "\":\"a"), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("b\"}"));
            check(e, baseline, invalidUtf8, "application/json");
        }
    }

    /**
     * A body that asks for nothing: none, JSON null, or an empty object (in UTF-16 with a byte-order mark). Where the
     * body is optional (a screening run "now", with every default), that is a valid request, not hostile input.
     */
    private static boolean meansNoInput(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        return text.isEmpty() || text.equals("null") || (body.length > 1 && body[0] == (byte) 0xFF && body[1] == (byte) 0xFE);
    }

    private void check(Endpoint e, String path, byte[] body, String contentType) throws Exception {
        cases++;
        HttpResponse<String> r = send(e.method, path, body, contentType);
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        String what = e.method + " " + abbreviate(path) + " body " + abbreviate(body == null ? "-" : new String(body, StandardCharsets.UTF_8))
                + " → " + status + " " + type + " " + abbreviate(r.body());
        if (status >= 500) {
            failures.add("5xx: " + what);
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add("not problem+json: " + what);
        } else if (status < 400 && !e.method.equals("GET")) {
            failures.add("accepted: " + what);
        }
    }

    private HttpResponse<String> send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException ex) {
            // the server may close the connection after a 413 it answered before the body was sent: ask once more without it
            if (body != null && body.length > 1024 * 1024) {
                HttpRequest.Builder head = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                return http.send(head.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            throw ex;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    found.add(new Endpoint(m.name(), pattern, entry.getValue()));
                }
            }
        }
        found.sort((a, b) -> (a.method + a.path).compareTo(b.method + b.path));
        return found;
    }

    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name not like 'flyway%'"
                + " and table_name not in ('act_ge_property', 'act_ru_meter_log', 'act_ru_task_meter_log')", String.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            // a refused CSV import is recorded as FAILED by design (README: the import record of the attempt); any
            // other import record is a write
            String where = table.equals("customer_import") ? " where status <> 'FAILED'" : "";
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"" + where, Long.class));
        }
        return counts;
    }

    private static String fill(String pattern, List<String> names, String hostileName, String hostileValue) {
        String path = pattern;
        for (String name : names) {
            String value = name.equals(hostileName) ? URLEncoder.encode(hostileValue, StandardCharsets.UTF_8).replace("+", "%20") : "987654321987";
            path = path.replaceAll("\\{" + Pattern.quote(name) + "(?::[^}]*)?}", Matcher.quoteReplacement(value));
        }
        return path;
    }

    private static String jsonString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }

    /** One method and path of a handler, with what it reads: path variables, request parameters, a JSON body. */
    record Endpoint(String method, String path, List<String> requestParams, Class<?> bodyType, boolean bodyOptional) {

        Endpoint(String method, String path, HandlerMethod handler) {
            this(method, path, requestParams(handler), bodyType(handler), bodyOptional(handler));
        }

        private static boolean bodyOptional(HandlerMethod handler) {
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestBody body = p.getParameterAnnotation(RequestBody.class);
                if (body != null) {
                    return !body.required();
                }
            }
            return false;
        }

        List<String> pathVariableNames() {
            List<String> names = new ArrayList<>();
            Matcher m = PATH_VARIABLE.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The body's top-level JSON fields (record components or fields), or one made-up name for a free-form body. */
        List<String> fields() {
            if (bodyType == null || bodyType.getName().startsWith("java.")) {
                return List.of("value");
            }
            Map<String, Boolean> names = new LinkedHashMap<>();
            if (bodyType.isRecord()) {
                for (RecordComponent c : bodyType.getRecordComponents()) {
                    names.put(c.getName(), true);
                }
            } else {
                for (Field f : bodyType.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        names.put(f.getName(), true);
                    }
                }
            }
            return names.isEmpty() ? List.of("value") : List.copyOf(names.keySet());
        }

        private static List<String> requestParams(HandlerMethod handler) {
            List<String> names = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    if (name != null && !p.getParameterType().getName().startsWith("org.springframework.web.multipart")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        private static Class<?> bodyType(HandlerMethod handler) {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    return p.getParameterType();
                }
            }
            return null;
        }
    }
}
