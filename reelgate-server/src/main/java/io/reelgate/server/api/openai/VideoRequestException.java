package io.reelgate.server.api.openai;

/** A request this API refuses with a known OpenAI error (status, type, code, param), thrown by its controllers. */
final class VideoRequestException extends RuntimeException {

    private final transient OpenAiError error;

    VideoRequestException(OpenAiError error) {
        super(error.message());
        this.error = error;
    }

    OpenAiError error() {
        return error;
    }

    static VideoRequestException notFound(String videoId) {
        return new VideoRequestException(OpenAiError.notFound("Video with id '" + videoId + "' not found."));
    }

    static VideoRequestException invalid(String param, String message) {
        return new VideoRequestException(OpenAiError.invalid(param, "invalid_value", message));
    }
}
