package com.careloop.idempotency;

import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.http.Problems;
import com.careloop.identity.ApiUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the integration writes. Without the header a request runs as always. With it:
 * <ul>
 * <li>a new key (per caller: user or API key) is claimed in the database, the request runs, and its answer (status,
 * content type, Location, body) is stored under the key for 24 h;</li>
 * <li>the same key with the same request (method, path, media type, body: {@link RequestFingerprint}) answers the
 * stored first answer again, with header {@code Idempotent-Replayed: true}, and nothing runs;</li>
 * <li>the same key with another request: 422 problem+json, nothing runs;</li>
 * <li>while the first request with the key is still running (a concurrent retry): 409 problem+json with
 * {@code Retry-After: 1}, nothing runs — the client retries and then gets the first answer;</li>
 * <li>a first request that fails unexpectedly (5xx, or no answer body) gives its key up: a retry runs again. A node
 * that dies while the first request runs leaves its claim: the key answers 409 until it expires (the first write
 * may or may not have been made; the client checks and uses a new key), never a second write.</li>
 * </ul>
 * Keys are 1–255 visible ASCII characters (a UUID, say); anything else is a 400.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The writes a client may retry with a key (POST only). */
    static final Set<String> PATHS = Set.of("/api/customers", "/api/customers/import", "/api/follow-ups", "/api/feedback",
            "/api/screening/runs");

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;

    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            Problems.write(request, response, Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "幂等键无效 Invalid Idempotency-Key", List.of(new FieldError(HEADER, "1 to 255 visible ASCII characters (e.g. a UUID)"))));
            return;
        }
        if (!(request.getAttribute(ApiUser.REQUEST_ATTRIBUTE) instanceof ApiUser caller)) {
            chain.doFilter(request, response); // not authenticated: the API refuses it anyway
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try (RequestFingerprint fingerprint = RequestFingerprint.of(request)) {
            IdempotencyKeys.Claim claim = keys.claim(caller.id(), key, fingerprint.hex(), request.getMethod(), path);
            if (claim.claimed()) {
                runFirst(caller.id(), key, fingerprint.request(), response, chain);
            } else if (!claim.existing().fingerprint().equals(fingerprint.hex())) {
                LOG.info("Idempotency-Key reused for another request on {} {}", request.getMethod(), path);
                Problems.write(request, response, Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused",
                        "此幂等键已用于另一个请求（方法、路径或请求体不同），请换一个新键 The Idempotency-Key was used for another request "
                                + "(method, path or body differ): send a new key", null));
            } else if (claim.existing().state() == IdempotencyKeys.State.IN_PROGRESS) {
                response.setHeader("Retry-After", "1");
                Problems.write(request, response, Problems.problem(HttpStatus.CONFLICT, "Request in progress",
                        "同一幂等键的首个请求尚未完成，请稍后重试 The first request with this Idempotency-Key has not answered yet: "
                                + "retry in a moment to get its answer", null));
            } else {
                replay(claim.existing(), response);
            }
        }
    }

    private void runFirst(String owner, String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, captured);
            byte[] body = captured.getContentAsByteArray();
            int status = captured.getStatus();
            if (status < 500 && body.length > 0) {
                keys.complete(owner, key, status, captured.getContentType(), captured.getHeader("Location"), body);
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(owner, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyKeys.Entry first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(first.body().length);
        response.getOutputStream().write(first.body());
    }
}
