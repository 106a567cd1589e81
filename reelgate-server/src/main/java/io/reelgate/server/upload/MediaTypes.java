package io.reelgate.server.upload;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The media types uploads are recognised as, and the file extensions that go with them. */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String BMP = "image/bmp";
    static final String WEBP = "image/webp";
    static final String MP4 = "video/mp4";
    static final String QUICKTIME = "video/quicktime";
    static final String WEBM = "video/webm";
    static final String MATROSKA = "video/x-matroska";
    static final String M4A = "audio/mp4";
    static final String MP3 = "audio/mpeg";
    static final String WAV = "audio/wav";
    static final String PDF = "application/pdf";

    /** Extension given to a randomly named upload of each sniffed type. */
    private static final Map<String, String> EXTENSION = Map.ofEntries(
            Map.entry(PNG, "png"), Map.entry(JPEG, "jpg"), Map.entry(GIF, "gif"), Map.entry(BMP, "bmp"),
            Map.entry(WEBP, "webp"), Map.entry(MP4, "mp4"), Map.entry(QUICKTIME, "mov"), Map.entry(WEBM, "webm"),
            Map.entry(MATROSKA, "mkv"), Map.entry(M4A, "m4a"), Map.entry(MP3, "mp3"), Map.entry(WAV, "wav"),
            Map.entry(PDF, "pdf"));

    /** Types a file name claims by its extension; only those whose content is checked matter here. */
    private static final Map<String, String> CLAIMED_BY_EXTENSION = Map.ofEntries(
            Map.entry("png", PNG), Map.entry("jpg", JPEG), Map.entry("jpeg", JPEG), Map.entry("gif", GIF),
            Map.entry("bmp", BMP), Map.entry("webp", WEBP), Map.entry("mp4", MP4), Map.entry("m4v", MP4),
            Map.entry("mov", QUICKTIME), Map.entry("webm", WEBM));

    private MediaTypes() {
    }

    static String extensionOf(String mimeType) {
        return EXTENSION.getOrDefault(mimeType, "bin");
    }

    static Optional<String> claimedByFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(CLAIMED_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * A declared type (multipart part type, data-URL type) reduced to {@code type/subtype} in lower case, or empty
     * when it says nothing specific (absent, unparsable, or the generic octet-stream).
     */
    static Optional<String> normalizeDeclared(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String type = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals(OCTET_STREAM) || !type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            return Optional.empty();
        }
        return Optional.of(type.equals("image/jpg") ? JPEG : type);
    }
}
