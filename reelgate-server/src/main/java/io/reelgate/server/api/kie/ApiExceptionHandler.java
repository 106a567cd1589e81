package io.reelgate.server.api.kie;

import io.reelgate.server.account.InsufficientCreditsException;
import io.reelgate.server.account.KeyNotFoundException;
import io.reelgate.server.api.common.ApiException;
import io.reelgate.server.api.common.DatabaseUnavailable;
import io.reelgate.server.callback.DeliveryNotFoundException;
import io.reelgate.server.idempotency.IdempotencyConflictException;
import io.reelgate.server.task.InvalidRequestException;
import io.reelgate.server.task.TaskNotCancellableException;
import io.reelgate.server.task.TaskNotFoundException;
import io.reelgate.server.upload.UploadProperties;
import io.reelgate.server.upload.UploadRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every exception-to-answer decision, in one table: KIE code and a message that names the field; the HTTP status
 * comes from {@link EnvelopeResponses}. Anything unexpected is logged with its stack and answered with a fixed
 * message, never the exception's text. Scoped to the packages that answer in the KIE envelope, so a dialect with its
 * own error shape brings its own advice for its own controllers; {@link UnroutedRequestErrors} applies the same table
 * to errors raised before any controller was chosen.
 */
@RestControllerAdvice(basePackages = {"io.reelgate.server.api.kie", "io.reelgate.server.api.reelgate",
        "io.reelgate.server.api.admin", "io.reelgate.server.api.common"})
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String SERVER_ERROR_MSG = "Server Error - An unexpected error occurred while processing the request";

    private final EnvelopeResponses responses;
    private final long maxUploadBytes;

    ApiExceptionHandler(EnvelopeResponses responses, UploadProperties uploads) {
        this.responses = responses;
        this.maxUploadBytes = uploads.maxBytes().toBytes();
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiEnvelope<Void>> invalid(InvalidRequestException e) {
        return responses.error(422, e.getMessage());
    }

    @ExceptionHandler({IdempotencyConflictException.class, TaskNotCancellableException.class})
    ResponseEntity<ApiEnvelope<Void>> conflict(RuntimeException e) {
        return responses.error(422, e.getMessage());
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ResponseEntity<ApiEnvelope<Void>> notFound(TaskNotFoundException e) {
        return responses.error(404, e.getMessage());
    }

    @ExceptionHandler(InsufficientCreditsException.class)
    ResponseEntity<ApiEnvelope<Void>> insufficientCredits(InsufficientCreditsException e) {
        return responses.error(402, e.getMessage());
    }

    @ExceptionHandler(KeyNotFoundException.class)
    ResponseEntity<ApiEnvelope<Void>> keyNotFound(KeyNotFoundException e) {
        return responses.error(404, e.getMessage());
    }

    @ExceptionHandler(DeliveryNotFoundException.class)
    ResponseEntity<ApiEnvelope<Void>> deliveryNotFound(DeliveryNotFoundException e) {
        return responses.error(404, e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiEnvelope<Void>> api(ApiException e) {
        return responses.error(e.code(), e.getMessage());
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ApiEnvelope<Void>> uploadRefused(UploadRefusedException e) {
        return responses.error(400, e.getMessage());
    }

    /** Raised by the servlet container while it streams a multipart body to disk, before any handler runs. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiEnvelope<Void>> uploadTooLarge(MaxUploadSizeExceededException e) {
        return responses.error(400, "File is larger than " + maxUploadBytes + " bytes");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiEnvelope<Void>> unreadableMultipart(MultipartException e) {
        return responses.error(400, "Request body is not a readable multipart/form-data upload");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiEnvelope<Void>> missingParameter(MissingServletRequestParameterException e) {
        return responses.error(422, e.getParameterName() + " is required");
    }

    /** A query or path parameter of the wrong type, e.g. {@code ?limit=abc} or a number beyond int. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiEnvelope<Void>> parameterType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        return responses.error(422, e.getName() + (whole ? " must be a whole number" : " has an invalid value"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiEnvelope<Void>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return responses.error(405, "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<ApiEnvelope<Void>> mediaType(HttpMediaTypeException e) {
        return responses.error(400, "Unsupported Content-Type; send application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiEnvelope<Void>> noSuchEndpoint(NoResourceFoundException e) {
        return responses.error(404, "No such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiEnvelope<Void>> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.is(e)) {
            // one line, not a stack per request: during an outage every request fails the same way
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return responses.error(DatabaseUnavailable.CODE, DatabaseUnavailable.MSG);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responses.error(500, SERVER_ERROR_MSG);
    }
}
