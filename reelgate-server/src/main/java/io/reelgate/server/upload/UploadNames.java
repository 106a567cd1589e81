package io.reelgate.server.upload;

import java.util.regex.Pattern;

/**
 * Checks the client-chosen {@code uploadPath} and {@code fileName} before they become part of a storage key. Only
 * plain names pass: letters, digits, {@code - _ .}, no segment starting with a dot (so no {@code .} / {@code ..}
 * and no hidden files), no empty segments, and {@code /} only between {@code uploadPath} segments. Each refusal
 * names the field, so a client sees which value to fix.
 */
final class UploadNames {

    static final int MAX_UPLOAD_PATH = 200;
    static final int MAX_FILE_NAME = 100;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private UploadNames() {
    }

    /** The folder with leading and trailing slashes trimmed, as the KIE docs describe it. */
    static String uploadPath(String raw) {
        if (raw == null || raw.isBlank()) {
            throw UploadRefusedException.missing("uploadPath");
        }
        String path = trimSlashes(raw.trim());
        if (path.isEmpty()) {
            throw refused("uploadPath", "must name a folder, e.g. images/user-uploads");
        }
        if (path.length() > MAX_UPLOAD_PATH) {
            throw refused("uploadPath", "is longer than " + MAX_UPLOAD_PATH + " characters");
        }
        checkCommon("uploadPath", path);
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw refused("uploadPath", "must not contain empty segments ('//')");
            }
            checkSegment("uploadPath", segment);
        }
        return path;
    }

    /** The file name, or null when the client sent none (a random one is chosen later). */
    static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.trim();
        if (name.length() > MAX_FILE_NAME) {
            throw refused("fileName", "is longer than " + MAX_FILE_NAME + " characters");
        }
        checkCommon("fileName", name);
        if (name.indexOf('/') >= 0) {
            throw refused("fileName", "must be a plain file name without '/'");
        }
        checkSegment("fileName", name);
        return name;
    }

    private static void checkCommon(String field, String value) {
        if (value.contains("..")) {
            throw refused(field, "must not contain '..'");
        }
        if (value.indexOf('\\') >= 0) {
            throw refused(field, "must not contain '\\'");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw refused(field, "must not contain control characters");
        }
    }

    private static void checkSegment(String field, String segment) {
        if (segment.startsWith(".")) {
            throw refused(field, "must not start a name with '.'");
        }
        if (!SEGMENT.matcher(segment).matches()) {
            throw refused(field, "may only contain letters, digits, '-', '_', '.'"
                    + ("uploadPath".equals(field) ? " and '/'" : ""));
        }
    }

    private static String trimSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '/') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(start, end);
    }

    private static UploadRefusedException refused(String field, String reason) {
        return new UploadRefusedException(field + " " + reason);
    }
}
