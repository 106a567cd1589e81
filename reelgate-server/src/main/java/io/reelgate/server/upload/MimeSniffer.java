package io.reelgate.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the media type of an upload from its first bytes, never from what the client claims: the type is what
 * the file is later served as, so a client cannot make Reelgate serve, say, HTML from its own origin.
 */
final class MimeSniffer {

    private static final int HEAD = 64;

    private MimeSniffer() {
    }

    static String sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        return sniff(head, Files.size(file));
    }

    static String sniff(byte[] b, long fileSize) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaTypes.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return MediaTypes.JPEG;
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return MediaTypes.GIF;
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return MediaTypes.WEBP;
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return MediaTypes.WAV;
        }
        // "BM" alone is too weak a signature: the header must also state the file's real size
        if (ascii(b, 0, "BM") && b.length >= 6 && littleEndianInt(b, 2) == fileSize) {
            return MediaTypes.BMP;
        }
        if (ascii(b, 4, "ftyp")) {
            return isoBrand(b);
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return new String(b, StandardCharsets.ISO_8859_1).contains("webm") ? MediaTypes.WEBM : MediaTypes.MATROSKA;
        }
        if (ascii(b, 0, "ID3") || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return MediaTypes.MP3;
        }
        if (ascii(b, 0, "%PDF-")) {
            return MediaTypes.PDF;
        }
        return MediaTypes.OCTET_STREAM;
    }

    /** ISO base media files (MP4, MOV, M4A) all start with an {@code ftyp} box; its major brand tells them apart. */
    private static String isoBrand(byte[] b) {
        if (ascii(b, 8, "qt  ")) {
            return MediaTypes.QUICKTIME;
        }
        if (ascii(b, 8, "M4A ")) {
            return MediaTypes.M4A;
        }
        return MediaTypes.MP4;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        return startsWith(b, offset, expected.chars().toArray());
    }

    private static long littleEndianInt(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }
}
