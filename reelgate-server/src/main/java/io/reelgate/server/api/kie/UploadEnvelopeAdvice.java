package io.reelgate.server.api.kie;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every error answered on an upload path the upload host's envelope. {@link ApiExceptionHandler} stays the
 * one place that decides code and message; this only reshapes its {@link ApiEnvelope} into an
 * {@link UploadEnvelope} when the request was an upload, including errors raised before any handler was chosen
 * (unreadable or oversized multipart bodies, wrong method), and uses the upload host's documented 500 text.
 */
@RestControllerAdvice
class UploadEnvelopeAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ApiEnvelope<?> envelope && envelope.code() != 200
                && request instanceof ServletServerHttpRequest servlet && UploadPaths.matches(servlet.getServletRequest())) {
            String msg = envelope.code() == 500 ? UploadEnvelope.SERVER_ERROR_MSG : envelope.msg();
            return UploadEnvelope.error(envelope.code(), msg);
        }
        return body;
    }
}
