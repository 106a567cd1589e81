package io.reelgate.client.model;

/**
 * A Runway generate or extend callback (spec §8.2/8.3): {@code {code,msg,data:{task_id,video_id,video_url,image_url}}}.
 * On failure the URLs are empty or null.
 */
public record RunwayCallback(int code, String msg, String taskId, String videoId, String videoUrl, String imageUrl)
        implements TaskCallback {
}
