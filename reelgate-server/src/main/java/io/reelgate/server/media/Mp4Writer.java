package io.reelgate.server.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.reelgate.server.infra.DaemonThreads;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes BGR frames into an H.264 (OpenH264, yuv420p) MP4 with the index in front, so players can start before the
 * download ends. Frames are timed by their index, so N frames last exactly N / fps seconds. Encoding runs on a
 * thread of its own, so the caller can paint the next frame meanwhile.
 */
public final class Mp4Writer implements AutoCloseable {

    static {
        // FFmpeg logs straight to stderr, and OpenH264 warns about its defaults on every clip
        av_log_set_level(AV_LOG_ERROR);
    }

    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final ExecutorService encoder;
    private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
    private boolean finished;

    /**
     * @param fps frames per second; may be fractional (29.97 for a source video), FFmpeg stores it as the nearest
     *            rational with a denominator up to 1001000, e.g. 30000/1001, so frame N still starts at exactly N / fps
     */
    public Mp4Writer(Path file, int width, int height, double fps, int bitrate) {
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(AV_CODEC_ID_H264);
        // the LGPL FFmpeg build has no libx264
        recorder.setVideoCodecName("libopenh264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(Math.max(1, (int) Math.round(fps)));
        recorder.setVideoBitrate(bitrate);
        // OpenH264's threaded rate control is not repeatable, and "auto" slices follow the core count; one thread
        // and one slice keep the bitstream identical everywhere (painting runs in parallel instead)
        recorder.setVideoOption("threads", "1");
        recorder.setVideoOption("slices", "1");
        recorder.setOption("movflags", "+faststart");
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception | RuntimeException e) {
            releaseQuietly();
            throw failure("Could not start the video encoder", e);
        }
        frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        encoder = Executors.newSingleThreadExecutor(DaemonThreads.named("mp4-writer"));
    }

    /** Queues one frame; the image (TYPE_3BYTE_BGR of the writer's size) is copied, so it may be reused at once. */
    public void write(BufferedImage image) {
        awaitPending();
        copy(image);
        pending = CompletableFuture.runAsync(() -> {
            try {
                recorder.record(frame, AV_PIX_FMT_BGR24);
            } catch (FFmpegFrameRecorder.Exception | RuntimeException e) {
                throw failure("Could not encode a video frame", e);
            }
        }, encoder);
    }

    /** Flushes the encoder and writes the MP4 index; without it the file is unplayable. */
    public void finish() {
        awaitPending();
        try {
            recorder.stop();
            finished = true;
        } catch (FFmpegFrameRecorder.Exception | RuntimeException e) {
            throw failure("Could not finish the video file", e);
        }
    }

    @Override
    public void close() {
        try {
            pending.join();
        } catch (RuntimeException ignored) {
            // the failure was reported by write() or finish() already, or the caller is failing for its own reason
        }
        encoder.shutdown();
        if (!finished) {
            releaseQuietly();
        }
        frame.close();
    }

    private void copy(BufferedImage image) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteBuffer target = (ByteBuffer) frame.image[0];
        int rowBytes = frame.imageWidth * 3;
        target.clear();
        if (frame.imageStride == rowBytes) {
            target.put(pixels, 0, rowBytes * frame.imageHeight);
        } else {
            for (int y = 0; y < frame.imageHeight; y++) {
                target.position(y * frame.imageStride);
                target.put(pixels, y * rowBytes, rowBytes);
            }
        }
        target.clear();
    }

    private void awaitPending() {
        try {
            pending.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof MediaException failure ? failure : failure("Could not encode a video frame", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while encoding", e);
        }
    }

    private void releaseQuietly() {
        try {
            recorder.release();
        } catch (FFmpegFrameRecorder.Exception | RuntimeException ignored) {
            // already failing or cancelled: the half-written file is thrown away with the work directory
        }
    }

    private static MediaException failure(String message, Exception cause) {
        return MediaException.internal(message, cause);
    }
}
