package com.careloop.http;

import com.careloop.errors.InvalidRequestException.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one builder and writer of CareLoop's problem+json bodies (RFC 9457): {@code type, title, status, detail},
 * {@code instance} where the caller sets it, then {@code errors: [{field, message}]} for invalid input and any other
 * property. Controllers and advice return {@link #response}; servlet filters, which answer before Spring MVC, call
 * {@link #write}, which writes the same JSON Spring MVC writes for a {@link ProblemDetail}.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** A problem with its title and detail; {@code errors} (null: none) are the offending fields of a 400. */
    public static ProblemDetail problem(HttpStatusCode status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (errors != null) {
            body.setProperty("errors", List.copyOf(errors));
        }
        return body;
    }

    /** The request's path as the problem's {@code instance}, reduced to the characters a path may hold. */
    public static ProblemDetail at(ProblemDetail problem, String requestUri) {
        if (requestUri != null) {
            try {
                problem.setInstance(URI.create(requestUri.replaceAll("[^A-Za-z0-9/_.~%-]", "")));
            } catch (IllegalArgumentException malformed) { // a stray '%': no instance rather than no answer
                problem.setInstance(null);
            }
        }
        return problem;
    }

    /** The problem as a Spring MVC response with content type application/problem+json. */
    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem as the whole response (a filter's answer): status, content type, UTF-8 JSON. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(fields(problem)));
    }

    /** {@link #write} with the request's path as {@code instance}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, at(problem, request.getRequestURI()));
    }

    /** The members in the order and form Spring MVC's Jackson writes a ProblemDetail: unset members left out. */
    static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        if (problem.getTitle() != null) {
            fields.put("title", problem.getTitle());
        }
        fields.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            fields.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            fields.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }
}
