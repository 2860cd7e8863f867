package com.careloop.identity;

import com.careloop.http.Problems;
import com.careloop.http.ReplayedBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The working half of the task-access model, in front of every HTTP path to the engine's task API: the engine
 * REST API ({@code /engine-rest}) and the one Tasklist and Cockpit use ({@code /camunda/api/engine/engine/{name}}).
 * It runs after authentication, asks {@link TaskWork} whether the authenticated user may do what the request
 * asks, and answers 403 problem+json with the reason otherwise — before the engine changes anything.
 */
class TaskWorkGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskWorkGuard.class);
    private static final Pattern TASK_PATH = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)(?:/([^/]+))?(?:/.*)?$");
    /** Bodies the guard reads (assignee, delegate, task update) are a few hundred bytes. */
    private static final int MAX_BODY = 64 * 1024;

    private final TaskWork work;
    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    TaskWorkGuard(TaskWork work, IdentityService identity) {
        this.work = work;
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = TASK_PATH.matcher(path);
        if (!m.matches() || List.of("count", "create", "report").contains(m.group(2))) {
            chain.doFilter(request, response);
            return;
        }
        String webappEngine = m.group(1);
        String taskId = m.group(2);
        String action = m.group(3) == null ? "" : m.group(3);
        ReplayedBody buffered = null;
        TaskWork.Action what;
        String target = null;
        switch (action) {
            case "claim" -> what = TaskWork.Action.CLAIM;
            case "unclaim" -> what = TaskWork.Action.UNCLAIM;
            case "complete", "submit-form", "resolve" -> what = TaskWork.Action.COMPLETE;
            case "assignee", "delegate" -> {
                buffered = buffer(request);
                target = field(buffered, "userId");
                what = "delegate".equals(action) ? TaskWork.Action.DELEGATE : TaskWork.Action.REASSIGN;
            }
            case "" -> {
                // PUT /task/{id}: the task's properties, its assignee and owner among them; DELETE: standalone tasks only
                buffered = buffer(request);
                what = TaskWork.Action.UPDATE;
                target = field(buffered, "assignee");
            }
            case "identity-links" -> what = TaskWork.Action.CHANGE_CANDIDATES;
            case "variables", "localVariables" -> what = TaskWork.Action.SET_VARIABLES;
            case "bpmnError", "bpmnEscalation" -> what = TaskWork.Action.COMPLETE;
            case "comment", "attachment" -> {
                // the engine checks these itself (they change no case data)
                chain.doFilter(request, response);
                return;
            }
            default -> what = TaskWork.Action.SET_VARIABLES;
        }
        User user = webappEngine != null ? webappUser(request, webappEngine) : engineRestUser();
        Optional<String> refusal = user == null ? Optional.of("未登录 Not authenticated")
                : work.refusal(what, taskId, user.id(), user.groups(), target);
        if (refusal.isPresent()) {
            log.info("Refused {} {} by {}: {}", method, path, user == null ? null : user.id(), refusal.get());
            ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "Forbidden", refusal.get(), null);
            problem.setProperty("message", refusal.get()); // Tasklist and Cockpit show "message" of an engine error
            Problems.write(response, problem);
            return;
        }
        chain.doFilter(buffered != null ? buffered : request, response);
    }

    record User(String id, List<String> groups) {}

    /** /engine-rest: the engine's authentication, set by its HTTP Basic filter before this one. */
    private User engineRestUser() {
        // getCurrentAuthentication() is public API that returns an engine-internal type: used through var only
        var auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return null;
        }
        List<String> groups = auth.getGroupIds() != null ? auth.getGroupIds()
                : identity.createGroupQuery().groupMember(auth.getUserId()).list().stream().map(Group::getId).toList();
        return new User(auth.getUserId(), groups);
    }

    /** Tasklist and Cockpit: the login of the webapp session for that engine. */
    private static User webappUser(HttpServletRequest request, String engine) {
        Authentications auths = Authentications.getCurrent();
        if (auths == null) {
            HttpSession session = request.getSession(false);
            auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        }
        if (auths == null || !(auths.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication ua)) {
            return null;
        }
        return new User(ua.getName(), ua.getGroupIds() == null ? List.of() : ua.getGroupIds());
    }

    /** Reads the (small) body once, so that its new assignee can be checked; the engine reads it again. */
    private static ReplayedBody buffer(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("task request body larger than " + MAX_BODY + " bytes");
        }
        return new ReplayedBody(request, body);
    }

    private String field(ReplayedBody request, String name) {
        if (request.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(request.body());
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            return null; // the engine answers 400 for a body it cannot read
        }
    }
}
