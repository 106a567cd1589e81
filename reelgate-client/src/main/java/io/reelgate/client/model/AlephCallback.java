package io.reelgate.client.model;

/**
 * An Aleph callback (docs/kie-contract.md, "Aleph callback"):
 * {@code {code,msg,data:{result_video_url,result_image_url}|null,taskId}}. The URLs are null on failure.
 */
public record AlephCallback(int code, String msg, String taskId, String resultVideoUrl, String resultImageUrl)
        implements TaskCallback {
}
