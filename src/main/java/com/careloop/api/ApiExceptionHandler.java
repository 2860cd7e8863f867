package com.careloop.api;

import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.errors.NotFoundException;
import com.careloop.http.Problems;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every API error is an RFC 9457 problem+json body; 400s list the offending fields under "errors". Not limited to
 * CareLoop's controllers: an unknown path (404) or a wrong method (405) has no controller, and must answer the same
 * way. An unexpected failure is logged with its stack trace and answered 500 without it.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "One or more fields are invalid", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .reduce((a, b) -> a + "." + b).orElse("");
            String message = jme instanceof InvalidFormatException ife
                    ? "value '" + ife.getValue() + "' cannot be read as " + ife.getTargetType().getSimpleName()
                    + (ife.getTargetType().isEnum() ? " (allowed: " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants()) + ")" : "")
                    : "cannot be read";
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Field " + field + " is invalid",
                    List.of(new FieldError(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is not valid JSON", List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<Object> invalid(InvalidRequestException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter " + ex.getName() + " is invalid",
                List.of(new FieldError(ex.getName(), "value '" + ex.getValue() + "' is not valid")));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<Object> conflict(ConflictException ex) {
        ResponseEntity<Object> response = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), null);
        if (ex.reason() != null) {
            ((ProblemDetail) response.getBody()).setProperty("reason", ex.reason());
        }
        return response;
    }

    @ExceptionHandler(ForbiddenException.class)
    public ResponseEntity<Object> forbidden(ForbiddenException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex, jakarta.servlet.http.HttpServletRequest request) {
        LOG.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "服务器内部错误，已记录 An unexpected error occurred; it has been logged", null);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        // the framework's own problems (404, 405, 413, 415 ...): problem+json as well
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        return Problems.response(Problems.problem(status, title, detail, errors));
    }
}
