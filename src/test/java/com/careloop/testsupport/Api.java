package com.careloop.testsupport;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** JSON calls as a given user (HTTP Basic, password = user id for the demo users). */
public class Api {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<java.util.List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    private final TestRestTemplate rest;
    private final String user;

    public Api(TestRestTemplate rest, String user) {
        this.rest = rest;
        this.user = user;
    }

    public static Api as(TestRestTemplate rest, String user) {
        return new Api(rest, user);
    }

    public static Api anonymous(TestRestTemplate rest) {
        return new Api(rest, null);
    }

    private HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            h.setBasicAuth(user, user);
        }
        return h;
    }

    public ResponseEntity<Map<String, Object>> get(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), MAP);
    }

    public ResponseEntity<java.util.List<Map<String, Object>>> getList(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), LIST);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), MAP);
    }

    public ResponseEntity<Map<String, Object>> delete(String path) {
        return rest.exchange(path, HttpMethod.DELETE, new HttpEntity<>(headers()), MAP);
    }

    /** A text/csv body (UTF-8), e.g. a customer import. */
    public ResponseEntity<Map<String, Object>> postCsv(String path, String csv) {
        HttpHeaders h = headers();
        h.setContentType(MediaType.parseMediaType("text/csv"));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), h), MAP);
    }

    public ResponseEntity<String> postRaw(String path, String body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), String.class);
    }

    public ResponseEntity<String> getRaw(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    }
}
