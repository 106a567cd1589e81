package io.reelgate.server.engine;

import java.util.Locale;

/**
 * Turns a media URL of the job (an image or video the user named) into what the provider is sent for it: the URL
 * itself, a {@code data:} URI, an id of the provider's file store, or an object such as Google's
 * {@code {"bytesBase64Encoded", "mimeType"}}. Engines download user media through the outbound guard
 * ({@link EngineContext#download}), since a provider cannot reach Reelgate's own file URLs on a private network.
 */
@FunctionalInterface
public interface MediaResolver {

    /** The URL unchanged: what a snapshot of the request shows, and what an engine sends to a provider that fetches. */
    MediaResolver AS_URL = (url, field) -> url;

    /**
     * @param url   the media URL
     * @param field the job field it came from ({@code imageUrl}, {@code lastFrameUrl}, {@code referenceImageUrls},
     *              {@code videoUrl}) or {@code input.<field>}, for failure messages
     */
    Object resolve(String url, String field);

    /**
     * What a media field holds, for the download's failure message: {@code videoUrl} and
     * {@code input.reference_video_urls} are videos, {@code input.reference_audio_urls} audio, the rest images.
     */
    static String kindOf(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return name.contains("video") ? "video" : name.contains("audio") ? "audio" : "image";
    }
}
