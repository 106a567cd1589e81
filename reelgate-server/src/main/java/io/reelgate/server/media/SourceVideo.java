package io.reelgate.server.media;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the video stream of a local file frame by frame into BGR bytes. Only ordinary video containers are
 * opened and only from the file itself: a downloaded playlist (HLS, concat) must not make FFmpeg fetch other URLs or
 * read other local files, and a still image is not a video.
 */
public final class SourceVideo implements AutoCloseable {

    /**
     * What the caller's task ends with when the file cannot be used.
     *
     * @param inputRejected true when the file is the user's input (failCode 400), false when the server made it or
     *                      an upstream handed it over (500)
     */
    public record Failures(boolean inputRejected, String notAVideo, String undecodable) {

        MediaException notAVideo(Throwable cause) {
            return new MediaException(inputRejected, notAVideo, cause);
        }

        MediaException undecodable(Throwable cause) {
            return new MediaException(inputRejected, undecodable, cause);
        }
    }

    private static final String CONTAINERS = "mov,mp4,matroska,webm,avi,flv,mpegts,mpeg,ogg,asf";
    /** Players' limits; a rate outside means the container gave none (or nonsense) and {@link #FALLBACK_FPS} is used. */
    private static final double MAX_FPS = 120;
    private static final double FALLBACK_FPS = 24;

    private final FFmpegFrameGrabber grabber;
    private final Failures failures;
    private Frame current;
    private long firstTimestamp = -1;

    private SourceVideo(FFmpegFrameGrabber grabber, Failures failures) {
        this.grabber = grabber;
        this.failures = failures;
    }

    public static SourceVideo open(Path file, Failures failures) {
        if (file == null || !Files.isRegularFile(file)) {
            throw failures.notAVideo(null);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setOption("format_whitelist", CONTAINERS);
        grabber.setOption("protocol_whitelist", "file");
        // one decoding thread, like the one encoding thread of Mp4Writer: a result being normalised takes one core, so
        // a node collecting results still has cores for its polls and requests (JavaCV's default is one per core)
        grabber.setVideoOption("threads", "1");
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw failures.notAVideo(e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() < 2 || grabber.getImageHeight() < 2) {
            closeQuietly(grabber);
            throw failures.notAVideo(null);
        }
        return new SourceVideo(grabber, failures);
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    /** Frames per second as the container declares them (e.g. 29.97), or 24 when it declares none. */
    public double fps() {
        double fps = grabber.getVideoFrameRate();
        return fps >= 1 && fps <= MAX_FPS ? fps : FALLBACK_FPS;
    }

    /** Frames the container declares; an estimate for progress only. */
    public int declaredFrames() {
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    /** Decodes the next frame; false at the end of the stream. */
    public boolean next() {
        try {
            current = grabber.grabImage();
        } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
            throw failures.undecodable(e);
        }
        if (current != null && current.image == null) {
            throw failures.undecodable(null);
        }
        if (current != null && firstTimestamp < 0) {
            firstTimestamp = current.timestamp;
        }
        return current != null;
    }

    /** Start of the current frame in microseconds after the first frame, whatever the container's start time. */
    public long elapsedMicros() {
        return current.timestamp - firstTimestamp;
    }

    /**
     * Copies a region of the current frame into {@code target} (BGR, tightly packed, {@code width * height * 3}).
     */
    public void copy(int left, int top, int width, int height, byte[] target) {
        ByteBuffer pixels = (ByteBuffer) current.image[0];
        int stride = current.imageStride;
        int rowBytes = width * 3;
        for (int y = 0; y < height; y++) {
            pixels.get((top + y) * stride + left * 3, target, y * rowBytes, rowBytes);
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // nothing left to save: the file was only read
        }
    }
}
