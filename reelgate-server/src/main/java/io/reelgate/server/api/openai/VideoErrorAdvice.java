package io.reelgate.server.api.openai;

import io.reelgate.server.account.InsufficientCreditsException;
import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.DatabaseUnavailable;
import io.reelgate.server.idempotency.IdempotencyConflictException;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.upload.UploadRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every exception of the {@code /v1/videos} controllers as an OpenAI error with its real HTTP status; the field at
 * fault is {@code param}. Anything unexpected is logged with its stack and answered with a fixed message. Ordered
 * before the KIE table, which does not cover this package anyway.
 */
@RestControllerAdvice(basePackages = "io.reelgate.server.api.openai")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class VideoErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(VideoErrorAdvice.class);
    static final OpenAiError DATABASE_UNAVAILABLE = new OpenAiError(503, "server_error", "service_unavailable", null,
            DatabaseUnavailable.MSG);
    static final String SERVER_ERROR_MSG = "The server had an error while processing your request. Sorry about that!";
    /** The SDKs retry 409 and 429; a conflict or an empty balance does not heal by retrying. */
    private static final String SHOULD_RETRY = "x-should-retry";

    @ExceptionHandler(VideoRequestException.class)
    ResponseEntity<Object> video(VideoRequestException e) {
        return answer(e.error());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return answer(OpenAiError.invalid(e.field(), "invalid_value", e.getMessage()));
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ResponseEntity<Object> notFound(TaskNotFoundException e) {
        return answer(OpenAiError.notFound("Video not found."));
    }

    @ExceptionHandler(InsufficientCreditsException.class)
    ResponseEntity<Object> insufficientCredits(InsufficientCreditsException e) {
        return ResponseEntity.status(429).header(SHOULD_RETRY, "false").header(HttpHeaders.RETRY_AFTER, "60")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new OpenAiError(429, "insufficient_quota", "insufficient_quota", null,
                        "You exceeded your current quota: " + e.getMessage()).body());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<Object> conflict(IdempotencyConflictException e) {
        return ResponseEntity.status(409).header(SHOULD_RETRY, "false").contentType(MediaType.APPLICATION_JSON)
                .body(new OpenAiError(409, OpenAiError.INVALID_REQUEST, "idempotency_conflict", "Idempotency-Key",
                        e.getMessage()).body());
    }

    /** The shared body reader's refusals (empty, not JSON, too large, wrong Content-Type). */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        int status = e.code() >= 400 && e.code() < 600 ? e.code() : 400;
        return answer(new OpenAiError(status, OpenAiError.INVALID_REQUEST, null, null, e.getMessage()));
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<Object> uploadRefused(UploadRefusedException e) {
        return answer(OpenAiError.invalid("input_reference", "invalid_value", e.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e) {
        return answer(OpenAiError.invalid(null, null, "Request body is not a readable multipart/form-data body"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return answer(OpenAiError.invalid(e.getParameterName(), "missing_required_parameter",
                "Missing required parameter: '" + e.getParameterName() + "'."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException e) {
        return answer(OpenAiError.invalid(e.getName(), "invalid_value", "Invalid value for '" + e.getName() + "'."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return answer(new OpenAiError(405, OpenAiError.INVALID_REQUEST, null, null,
                "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeException e) {
        return answer(OpenAiError.invalid(null, null, "Unsupported Content-Type; send application/json or "
                + "multipart/form-data"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return answer(DATABASE_UNAVAILABLE);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(new OpenAiError(500, "server_error", null, null, SERVER_ERROR_MSG));
    }

    static ResponseEntity<Object> answer(OpenAiError error) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return builder.body(error.body());
    }
}
