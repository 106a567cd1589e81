package io.reelgate.client.model;

/**
 * {@code data} of {@code GET /api/v1/runway/record-detail} (docs/kie-contract.md, "Record-detail"), for generate and
 * extend tasks alike.
 *
 * @param taskId        this task
 * @param parentTaskId  the extended task for extensions; {@code ""} for plain generations
 * @param generateParam the parameters used
 * @param state         the current state
 * @param generateTime  {@code YYYY-MM-DD HH:mm:ss}
 * @param videoInfo     the result, null until the task succeeded
 * @param failCode      null unless failed: the service sends {@code ""} then, and an int (400) on failure
 * @param failMsg       {@code ""} unless failed
 * @param expireFlag    1 once the media expired (after 14 days)
 */
public record TaskDetail(String taskId, String parentTaskId, GenerateParam generateParam, TaskState state,
                         String generateTime, VideoInfo videoInfo, Integer failCode, String failMsg, int expireFlag) {

    /** {@code generateParam}: what the task was made from. */
    public record GenerateParam(String prompt, String imageUrl, boolean expandPrompt) {
    }

    /** {@code videoInfo}: the result video and its cover image. */
    public record VideoInfo(String videoId, String taskId, String videoUrl, String imageUrl) {
    }

    public boolean isSuccess() {
        return state == TaskState.SUCCESS;
    }

    public boolean isFailed() {
        return state == TaskState.FAIL;
    }

    /** The result video URL, or null when there is none (yet). */
    public String videoUrl() {
        return videoInfo == null ? null : videoInfo.videoUrl();
    }
}
