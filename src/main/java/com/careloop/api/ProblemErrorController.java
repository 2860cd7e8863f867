package com.careloop.api;

import com.careloop.http.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (the servlet container's own 400 / 404 / 413, a failing filter) end on
 * /error: answered as problem+json, never Spring's default error JSON, never a stack trace or exception message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail body = Problems.problem(status, status.getReasonPhrase(), status.is5xxServerError()
                ? "服务器内部错误，已记录 An unexpected error occurred; it has been logged" : status.getReasonPhrase(), null);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.at(body, uri == null ? null : uri.toString());
        return Problems.response(body);
    }
}
