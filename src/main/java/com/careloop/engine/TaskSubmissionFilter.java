package com.careloop.engine;

import com.careloop.http.ReplayedBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every write to a task's variables over HTTP — submit-form, complete, resolve, and the task's variables and
 * local variables — on the engine REST API and on the webapps' engine API (Tasklist) carries only the fields
 * the task's Camunda Form declares. Anything else (followUpId, feedbackItemId, a variable the process sets) is
 * refused with 400 naming it, before the engine sees the request: nothing changes. A submission the server-side form
 * check refuses ({@link FormInput}) is answered 400 with the engine's message and {@code errors: [{field, message}]},
 * one per bad field ({@code issues[1].urgency} for an entry of a list).
 */
public class TaskSubmissionFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskSubmissionFilter.class);
    private static final Pattern TASK_VARIABLES = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(?:/engine/[^/]+)?/task/([^/]+)/"
                    + "(submit-form|complete|resolve|variables|localVariables)(?:/([^/]+)(?:/data)?)?/?$");
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final DeclaredFormFields forms;
    private final ObjectMapper json = new ObjectMapper();

    public TaskSubmissionFilter(DeclaredFormFields forms) {
        this.forms = forms;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        Matcher m = TASK_VARIABLES.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        String taskId = decode(m.group(1));
        String action = m.group(2);
        Set<String> names = new TreeSet<>();
        HttpServletRequest forward = request;
        if (m.group(3) != null) {
            names.add(decode(m.group(3)));
        } else if (method.equals("POST")) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求体过大 Request body exceeds "
                        + MAX_BODY / 1024 / 1024 + " MB", Set.of());
                return;
            }
            forward = new ReplayedBody(request, body);
            names.addAll(variableNames(action, body));
        }
        if (!names.isEmpty()) {
            Optional<Set<String>> declared = forms.ofTask(taskId);
            if (declared.isPresent()) {
                names.removeAll(declared.get());
                if (!names.isEmpty()) {
                    LOG.info("Refused {} {} of task {}: fields not declared by its form: {}", method, action, taskId, names);
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                            "表单未声明这些字段，不能提交 Fields not declared by the task's form cannot be submitted: "
                                    + String.join(", ", names), names);
                    return;
                }
            }
        }
        if (!method.equals("POST") || !(action.equals("submit-form") || action.equals("complete") || action.equals("resolve"))) {
            chain.doFilter(forward, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        FormErrors.clear();
        try {
            chain.doFilter(forward, buffered);
            Map<String, String> errors = FormErrors.get();
            if (errors != null && buffered.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                JsonNode engineAnswer = readOrEmpty(buffered.getContentAsByteArray());
                buffered.resetBuffer();
                ObjectNode body = json.createObjectNode();
                body.put("type", engineAnswer.path("type").asText("FormFieldValidationException"));
                body.put("message", engineAnswer.path("message").asText("Invalid form input"));
                ArrayNode list = body.putArray("errors");
                errors.forEach((field, message) -> list.addObject().put("field", field).put("message", message));
                buffered.setContentType("application/json");
                buffered.setCharacterEncoding("UTF-8");
                buffered.getOutputStream().write(json.writeValueAsBytes(body));
            }
        } finally {
            FormErrors.clear();
            buffered.copyBodyToResponse();
        }
    }

    private JsonNode readOrEmpty(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private Set<String> variableNames(String action, byte[] body) {
        Set<String> names = new TreeSet<>();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException unreadable) {
            return names; // the engine answers 400 itself
        }
        if (root == null) {
            return names;
        }
        if (action.equals("variables") || action.equals("localVariables")) {
            root.path("modifications").fieldNames().forEachRemaining(names::add);
            root.path("deletions").forEach(d -> names.add(d.asText()));
        } else {
            root.path("variables").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private void refuse(HttpServletResponse response, int status, String message, Set<String> fields) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("type", status == HttpServletResponse.SC_BAD_REQUEST ? "InvalidRequestException" : "PayloadTooLarge");
        body.put("message", message);
        body.putPOJO("fields", fields);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

}
