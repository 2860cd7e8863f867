package com.careloop.survey;

import com.careloop.feedback.RevisitAnswers;
import com.careloop.followup.SurveyAnswers;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public survey page: GET /s/{token} shows it, POST /s/{token} (a form post) stores the answer. 200 page or
 * thank-you; 400 the page again with a message per field, nothing stored; 403 without the form's CSRF token; 404
 * unknown token; 410 answered or expired; 429 after too many unknown tokens from one address. CSRF: the page sets a
 * random cookie (SameSite=Strict, HttpOnly, path /s/) and carries the same value in a hidden field; a post must bring
 * both, equal — another site can neither read nor set that cookie. Tokens never reach a log line.
 */
@RestController
class SurveyPageController {

    static final String CSRF_COOKIE = "careloop_survey_csrf";
    static final String CSRF_FIELD = "_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyPageController.class);

    private final SurveyAnswering answering;
    private final UnknownTokenLimit limit;

    SurveyPageController(SurveyAnswering answering, UnknownTokenLimit limit) {
        this.answering = answering;
        this.limit = limit;
    }

    @GetMapping("/s/{token}")
    ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request,
                                HttpServletResponse response) {
        secure(response);
        boolean en = "en".equals(lang);
        if (limit.blocked(request.getRemoteAddr())) {
            return tooMany(en);
        }
        SurveyAnswering.View view = answering.view(token, en);
        if (view.state() != SurveyAnswering.State.OPEN) {
            return closed(view.state(), en, request);
        }
        String csrf = SurveyLinks.newToken();
        return page(HttpStatus.OK, SurveyPage.form(token, en, view.subject(), java.util.Map.of(), java.util.Map.of(), csrf), csrf);
    }

    @PostMapping(value = "/s/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request,
                                  HttpServletResponse response) {
        secure(response);
        boolean en = "en".equals(lang);
        if (limit.blocked(request.getRemoteAddr())) {
            return tooMany(en);
        }
        SurveyAnswering.View view = answering.view(token, en);
        if (view.state() != SurveyAnswering.State.OPEN) {
            return closed(view.state(), en, request);
        }
        if (!csrfMatches(request)) {
            LOG.info("survey answer refused: missing or wrong CSRF token");
            return html(HttpStatus.FORBIDDEN, SurveyPage.message(en, "请求无效", "Invalid request",
                    "页面已过期，请重新打开短信中的链接。", "The page has expired: open the link in the text again."));
        }
        SurveyForm.Parsed parsed = SurveyForm.parse(request.getParameterMap(), view.subject().revisit());
        if (!parsed.valid()) {
            LOG.info("survey answer refused: invalid fields {}", parsed.errors().keySet());
            String csrf = SurveyLinks.newToken();
            return page(HttpStatus.BAD_REQUEST, SurveyPage.form(token, en, view.subject(), parsed.values(), parsed.errors(), csrf), csrf);
        }
        SurveyAnswering.State state;
        try {
            state = answering.answer(token, parsed.answer());
        } catch (SurveyAnswers.Closed | RevisitAnswers.Closed | DataIntegrityViolationException | OptimisticLockingException e) {
            // answered meanwhile (another tab, the same link twice at once) or the customer was reached by phone
            state = SurveyAnswering.State.GONE_ANSWERED;
        }
        if (state != SurveyAnswering.State.OPEN) {
            return closed(state, en, request);
        }
        return html(HttpStatus.OK, SurveyPage.thanks(en, view.subject().company()));
    }

    private ResponseEntity<String> closed(SurveyAnswering.State state, boolean en, HttpServletRequest request) {
        return switch (state) {
            case UNKNOWN -> {
                if (limit.unknown(request.getRemoteAddr())) {
                    LOG.warn("survey links: too many unknown tokens from one address within a minute");
                    yield tooMany(en);
                }
                yield html(HttpStatus.NOT_FOUND, SurveyPage.message(en, "未找到此调查", "Survey not found",
                        "链接无效，请检查短信中的链接是否完整。", "This link is not valid: check that it is complete."));
            }
            case GONE_EXPIRED -> html(HttpStatus.GONE, SurveyPage.message(en, "此调查已过期", "This survey has expired",
                    "链接已过有效期，感谢您的关注。", "The link is no longer valid. Thank you for your interest."));
            default -> html(HttpStatus.GONE, SurveyPage.message(en, "此调查已完成", "This survey is closed",
                    "您已回答过此调查（或我们已电话联系过您），感谢您的反馈。",
                    "This survey has been answered already (or we have spoken to you by phone). Thank you."));
        };
    }

    private ResponseEntity<String> tooMany(boolean en) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                .headers(headers()).body(SurveyPage.message(en, "请求过于频繁", "Too many requests",
                        "请稍后再试。", "Please try again in a minute."));
    }

    private static boolean csrfMatches(HttpServletRequest request) {
        String field = request.getParameter(CSRF_FIELD);
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (CSRF_COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        return field != null && cookie != null && !field.isEmpty()
                && MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> page(HttpStatus status, String body, String csrf) {
        return ResponseEntity.status(status).headers(headers())
                .header(HttpHeaders.SET_COOKIE, CSRF_COOKIE + "=" + csrf + "; Path=/s/; HttpOnly; SameSite=Strict")
                .body(body);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).headers(headers()).body(body);
    }

    private static HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(new MediaType("text", "html", StandardCharsets.UTF_8));
        h.setCacheControl("no-store");
        return h;
    }

    /**
     * This page's Content-Security-Policy (its inline style by hash, forms to this origin) and no referrer, over the
     * ones the security-headers filter set for every answer (set on the response itself: a ResponseEntity would add a
     * second header, and browsers apply both policies).
     */
    private static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", SurveyPage.CSP);
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
