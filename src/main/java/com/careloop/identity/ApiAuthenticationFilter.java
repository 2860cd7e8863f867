package com.careloop.identity;

import com.careloop.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls /api/*: a Camunda user by HTTP Basic, or the user logged into the Camunda webapps (Cockpit, Tasklist,
 * Admin) in this browser session, so that pages inside the webapps call /api without a second login.
 * <ul>
 * <li>An {@code Authorization: Basic} header is checked and wins; wrong credentials are a 401 even when a session
 * exists.</li>
 * <li>Without one, the webapp session's login for the process engine is taken (the session cookie the webapps set
 * at their login). The user must still exist; the groups are read again, not taken from the session.</li>
 * <li>A state-changing request (anything but GET, HEAD, OPTIONS) on the session also needs the session's CSRF token
 * in the {@code X-XSRF-TOKEN} header, exactly as the webapps send it to their own API (Camunda's
 * {@code CsrfPreventionFilter}: token in the session, handed to the page as cookie {@code XSRF-TOKEN}); without it,
 * or with another value, 403 problem+json and nothing happens.</li>
 * <li>An {@code Authorization: Bearer ck_…} header is a system's API key ({@link ApiKeys}): unknown, revoked or
 * expired is a 401; a call its scopes do not open ({@link ApiKeyScope}) is a 403; otherwise the call runs as
 * {@code apikey:<name>} in the scope's group. A key never uses a webapp session.</li>
 * <li>Neither: 401 problem+json.</li>
 * </ul>
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    /** The methods Camunda's CsrfPreventionFilter lets through without a token. */
    private static final Pattern NON_MODIFYING = Pattern.compile("^(GET|HEAD|OPTIONS)$");

    private final IdentityService identityService;
    private final String engineName;
    private final ApiKeys apiKeys;

    /** People only (HTTP Basic, webapp session): a Bearer key is a 401 here. */
    public ApiAuthenticationFilter(IdentityService identityService, String engineName) {
        this(identityService, engineName, null);
    }

    public ApiAuthenticationFilter(IdentityService identityService, String engineName, ApiKeys apiKeys) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.apiKeys = apiKeys;
    }

    /**
     * The /api endpoints without a login: the SMS providers' callbacks, POST /api/sms/inbound (replies) and
     * /api/sms/receipts (delivery receipts), which their controllers authenticate by the HMAC signature of the body
     * (survey module, SmsCallbackSignature).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && ("/api/sms/inbound".equals(path) || "/api/sms/receipts".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            ApiUser user = basicUser(header);
            if (user != null) {
                proceed(user, request, response, chain);
            } else {
                unauthorized(request, response);
            }
            return;
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            apiKey(header.substring(7).strip(), request, response, chain);
            return;
        }
        HttpSession session = request.getSession(false);
        String sessionUser = session == null ? null : webappLogin(session);
        if (sessionUser == null || identityService.createUserQuery().userId(sessionUser).count() == 0) {
            unauthorized(request, response);
            return;
        }
        if (!NON_MODIFYING.matcher(request.getMethod()).matches() && !csrfTokenMatches(request, session)) {
            forbidden(request, response);
            return;
        }
        proceed(new ApiUser(sessionUser, groupsOf(sessionUser)), request, response, chain);
    }

    private void apiKey(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKeys.Authenticated caller = apiKeys == null ? null : apiKeys.authenticate(key);
        if (caller == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"CareLoop\", error=\"invalid_token\"");
            Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "API 密钥无效、已吊销或已过期 The API key is unknown, revoked or expired", null));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ApiKeyScope.Need need = ApiKeyScope.needFor(request.getMethod(), path);
        if (need instanceof ApiKeyScope.NoScope) {
            proceed(new ApiUser(caller.attributedTo(), Set.of()), request, response, chain);
        } else if (need instanceof ApiKeyScope.Scope scoped && caller.scopes().contains(scoped.scope())) {
            proceed(new ApiUser(caller.attributedTo(), scoped.scope().groups()), request, response, chain);
        } else if (need instanceof ApiKeyScope.Scope scoped) {
            Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "API 密钥缺少权限范围 " + scoped.scope().value() + " The API key lacks the scope " + scoped.scope().value(), null));
        } else {
            Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "此接口不对 API 密钥开放 This endpoint is not open to API keys", null));
        }
    }

    private ApiUser basicUser(String header) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? new ApiUser(userId, groupsOf(userId)) : null;
    }

    /** The user logged into the webapps for this engine in this session, or null. */
    private String webappLogin(HttpSession session) {
        Authentications auths;
        try {
            auths = AuthenticationUtil.getAuthsFromSession(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return auths != null && auths.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua
                ? ua.getName() : null;
    }

    static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && !token.isEmpty() && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private Set<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void proceed(ApiUser user, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"CareLoop\"");
        Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "需要 CareLoop（Camunda）用户的 HTTP Basic 认证、Camunda 网页登录或 API 密钥 "
                        + "HTTP Basic authentication with a CareLoop (Camunda) user, a Camunda webapp login or an API key is required", null));
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                "网页会话的修改请求需要请求头 X-XSRF-TOKEN（Cookie XSRF-TOKEN 的值） "
                        + "a state-changing request on the webapp session needs the header X-XSRF-TOKEN with the value of the cookie XSRF-TOKEN", null));
    }

}
