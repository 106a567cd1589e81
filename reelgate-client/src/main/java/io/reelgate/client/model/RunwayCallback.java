package io.reelgate.client.model;

/**
 * A Runway generate or extend callback (docs/kie-contract.md, "Generate and extend callbacks"):
 * {@code {code,msg,data:{task_id,video_id,video_url,image_url}}}. On failure the URLs are empty or null.
 */
public record RunwayCallback(int code, String msg, String taskId, String videoId, String videoUrl, String imageUrl)
        implements TaskCallback {
}
