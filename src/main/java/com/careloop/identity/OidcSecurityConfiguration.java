package com.careloop.identity;

import com.careloop.http.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Company login (careloop.oidc.enabled=true, README "Company login"): OpenID Connect by Spring Security's oauth2Login
 * for the Camunda webapps (Tasklist, Cockpit, Admin) and, through their session, /api.
 * <ul>
 * <li>Everything under /camunda needs the company login: a page redirects to the provider, the webapps' own API answers
 * 401 problem+json. Camunda's password login endpoint is closed. /api, /engine-rest, /actuator and the public survey
 * pages keep their own authentication (HTTP Basic, API keys, the webapp session — {@link ApiAuthenticationFilter}).</li>
 * <li>At login the token's claims give the user id and, through careloop.oidc.group-mapping, the CareLoop groups; a
 * person whose claims map onto none is refused (403 problem+json, the session ended). The user and the memberships
 * are written to Camunda's identity tables ({@link OidcUsers}), the Camunda webapp login is put into the session at
 * once, and Camunda's {@link ContainerBasedAuthenticationFilter} with {@link OidcAuthenticationProvider} keeps it in
 * step with the Spring login on every webapp request.</li>
 * <li>CSRF: Camunda's CsrfPreventionFilter protects the webapps and ApiAuthenticationFilter /api on the session, as
 * without company login; Spring Security's own CSRF token is off (it would clash with Camunda's X-XSRF-TOKEN).</li>
 * <li>Logout: POST /logout, or the webapps' own POST /camunda/api/admin/auth/user/{engine}/logout, each with the
 * session's X-XSRF-TOKEN, ends the Spring and the Camunda login (the session is invalidated). /logout then sends the
 * browser to the provider's end-session endpoint (RP-initiated logout) when it has one; the webapps' call (an XHR)
 * gets 200.</li>
 * </ul>
 */
@Configuration
@ConditionalOnProperty(name = OidcAutoConfigurationFilter.ENABLED, havingValue = "true")
@EnableConfigurationProperties(OidcProperties.class)
public class OidcSecurityConfiguration {

    static final String REGISTRATION_ID = "company";
    static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String NO_GROUP = "careloop_no_group";
    static final String INVALID_USER = "careloop_invalid_user";

    private static final Pattern CAMUNDA_LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout$");
    private static final Pattern CAMUNDA_PASSWORD_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(/.*)?$");

    @Bean
    public ClientRegistrationRepository companyLoginRegistration(OidcProperties props) {
        props.validate();
        List<String> scopes = new ArrayList<>(props.scopes());
        if (!scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        ClientRegistration.Builder registration = ClientRegistrations.fromIssuerLocation(props.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName("公司账号 Company account")
                .clientId(props.clientId())
                .scope(scopes)
                .userNameAttributeName(props.usernameClaim())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        if (props.clientSecret() == null || props.clientSecret().isBlank()) {
            registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            registration.clientSecret(props.clientSecret());
        }
        return new InMemoryClientRegistrationRepository(registration.build());
    }

    @Bean
    OidcUsers oidcUsers(ProcessEngine engine, OidcProperties props) {
        return new OidcUsers(engine.getIdentityService(), props);
    }

    @Bean
    public SecurityFilterChain companyLogin(HttpSecurity http, ClientRegistrationRepository registrations, OidcUsers users,
                                            ProcessEngine engine, OidcProperties props) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(OidcSecurityConfiguration::isCamundaPasswordLogin).denyAll()
                        .requestMatchers(r -> path(r).startsWith("/camunda/")).authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(o -> o
                        .loginPage(LOGIN_PATH)
                        .userInfoEndpoint(u -> u.oidcUserService(userService(users)))
                        .successHandler(new CamundaSessionLogin(engine))
                        .failureHandler(OidcSecurityConfiguration::refuse))
                .logout(l -> l
                        .logoutRequestMatcher(OidcSecurityConfiguration::isLogout)
                        .logoutSuccessHandler(logoutSuccess(registrations, props)))
                .exceptionHandling(e -> e.authenticationEntryPoint(OidcSecurityConfiguration::loginRequired))
                .csrf(c -> c.disable())
                // SecurityHeaders and Camunda's header-security filter write the headers, as without company login
                .headers(h -> h.disable());
        return http.build();
    }

    /** Camunda's container-based authentication on the webapps and their API, after Spring Security (order -100). */
    @Bean
    public FilterRegistrationBean<ContainerBasedAuthenticationFilter> companyLoginForWebapps() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("careloop-oidc-container-auth");
        registration.addInitParameter("authentication-provider", OidcAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** The provider's user, with the CareLoop groups as authorities, written to Camunda's tables; or refused. */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(OidcUsers users) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Map<String, Object> claims = user.getClaims();
            String userId = users.userIdOf(claims);
            Set<String> groups = users.groupsOf(claims);
            if (userId == null || userId.isBlank()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(INVALID_USER, "no user id in the token", null));
            }
            if (groups.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_GROUP, userId + " maps onto no CareLoop group", null));
            }
            try {
                users.synchronise(userId, claims, groups);
            } catch (ProcessEngineException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error(INVALID_USER, e.getMessage(), null), e);
            }
            Set<GrantedAuthority> authorities = new LinkedHashSet<>();
            groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(OidcAuthenticationProvider.GROUP_PREFIX + g)));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), users.userIdClaimOf(claims));
        };
    }

    /** After the login: the Camunda webapp login in the same session (so /api works at once), then back to the page asked for. */
    static final class CamundaSessionLogin extends SavedRequestAwareAuthenticationSuccessHandler {
        private final ProcessEngine engine;

        CamundaSessionLogin(ProcessEngine engine) {
            this.engine = engine;
            setDefaultTargetUrl("/camunda/app/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            org.springframework.security.core.Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            UserAuthentication login = AuthenticationUtil.createAuthentication(engine, authentication.getName(),
                    OidcAuthenticationProvider.groupsOf(authentication), null);
            if (login != null) {
                HttpSession session = request.getSession();
                Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
                auths.addOrReplace(login);
                AuthenticationUtil.updateSession(session, auths);
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** A refused or failed login: no session, 403 (no CareLoop group, an id the engine refuses) or 401 problem+json. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "login_failed";
        if (NO_GROUP.equals(code)) {
            Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "您的公司账号不属于任何 CareLoop 用户组，请联系管理员 Your company account is in no CareLoop group: ask your administrator", null));
        } else if (INVALID_USER.equals(code)) {
            Problems.write(request, response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "公司账号的用户名不能作为 CareLoop 用户名 The company account's user name cannot be a CareLoop user id", null));
        } else {
            Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "公司登录失败 The company login failed (" + code + ")", null));
        }
    }

    /** Not logged in: a webapp page goes to the provider's login, the webapps' API answers 401 problem+json. */
    static void loginRequired(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (path(request).startsWith("/camunda/api/")) {
            Problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "需要公司登录 The company login is required", null));
        } else {
            new LoginUrlAuthenticationEntryPoint(LOGIN_PATH).commence(request, response, e);
        }
    }

    static LogoutSuccessHandler logoutSuccess(ClientRegistrationRepository registrations, OidcProperties props) {
        OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        atProvider.setPostLogoutRedirectUri(props.postLogoutRedirectUri());
        LinkedHashMap<RequestMatcher, LogoutSuccessHandler> byPath = new LinkedHashMap<>();
        byPath.put(r -> CAMUNDA_LOGOUT.matcher(path(r)).matches(), new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
        DelegatingLogoutSuccessHandler handler = new DelegatingLogoutSuccessHandler(byPath);
        handler.setDefaultLogoutSuccessHandler(atProvider);
        return handler;
    }

    /** POST /logout or the webapps' logout, with the session's CSRF token (a forged logout passes on and is refused). */
    static boolean isLogout(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = path(request);
        if (!"/logout".equals(path) && !CAMUNDA_LOGOUT.matcher(path).matches()) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null && ApiAuthenticationFilter.csrfTokenMatches(request, session);
    }

    static boolean isCamundaPasswordLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && CAMUNDA_PASSWORD_LOGIN.matcher(path(request)).matches();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
