package io.reelgate.client.model;

/**
 * {@code data} of {@code GET /api/v1/aleph/record-info} (docs/kie-contract.md, "Aleph record-info"). Aleph has no state
 * string: success is {@code successFlag 1}; failure is {@code successFlag 0} with an {@code errorMessage} (or, on KIE
 * sister APIs, {@code successFlag} 2 or 3); anything else is still running.
 *
 * @param taskId       this task
 * @param paramJson    the original request as a JSON string
 * @param response     the result, null while running or failed
 * @param completeTime ISO time of completion, null while running
 * @param createTime   ISO time of creation
 * @param successFlag  1 success, 0 running or failed
 * @param errorCode    0 on success
 * @param errorMessage {@code ""} on success
 */
public record AlephDetail(String taskId, String paramJson, Result response, String completeTime, String createTime,
                          Integer successFlag, Integer errorCode, String errorMessage) {

    /** {@code response}: the result video and its cover. */
    public record Result(String taskId, String resultVideoUrl, String resultImageUrl) {
    }

    public boolean isSuccess() {
        return successFlag != null && successFlag == 1;
    }

    public boolean isFailed() {
        if (isSuccess()) {
            return false;
        }
        // sister KIE APIs send "null" strings and flags 2/3; accept them so waits do not hang on a failed task
        boolean message = errorMessage != null && !errorMessage.isBlank() && !"null".equals(errorMessage);
        return message || (successFlag != null && (successFlag == 2 || successFlag == 3));
    }

    public boolean isRunning() {
        return !isSuccess() && !isFailed();
    }

    /** The result video URL, or null when there is none (yet). */
    public String resultVideoUrl() {
        return response == null ? null : response.resultVideoUrl();
    }
}
