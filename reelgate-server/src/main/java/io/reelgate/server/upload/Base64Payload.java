package io.reelgate.server.upload;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code base64Data} of a base64 upload: plain base64 or a data URL ({@code data:image/png;base64,…}), whose
 * type counts as the declared type. Whitespace (line breaks of wrapped base64) is ignored; any other character
 * outside the base64 alphabet is an error. Padding is optional; URL-safe base64 is accepted too.
 */
record Base64Payload(byte[] bytes, String declaredType) {

    static final String INVALID = "Base64 decoding failed: Invalid Base64 format";
    private static final Pattern DATA_URL = Pattern.compile("(?s)^data:([^,]*?),(.*)$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static Base64Payload decode(String raw, long maxBytes) {
        if (raw == null || raw.isBlank()) {
            throw UploadRefusedException.missing("base64Data");
        }
        String declared = null;
        String data = raw;
        Matcher dataUrl = DATA_URL.matcher(raw.strip());
        if (dataUrl.matches()) {
            String meta = dataUrl.group(1);
            if (!meta.toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
                throw new UploadRefusedException(INVALID);
            }
            declared = meta.substring(0, meta.length() - ";base64".length());
            data = dataUrl.group(2);
        }
        String compact = WHITESPACE.matcher(data).replaceAll("");
        if (compact.isEmpty()) {
            throw new UploadRefusedException(INVALID);
        }
        // refuse before decoding: a decoded size is 3/4 of the text, give or take the padding
        if ((long) compact.length() / 4 * 3 > maxBytes + 3) {
            throw UploadRefusedException.tooLarge(maxBytes);
        }
        byte[] bytes;
        try {
            boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
            bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw new UploadRefusedException(INVALID);
        }
        if (bytes.length > maxBytes) {
            throw UploadRefusedException.tooLarge(maxBytes);
        }
        return new Base64Payload(bytes, declared);
    }
}
