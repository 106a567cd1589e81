package io.reelgate.server.testsupport;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A small MPEG-4 Part 2 clip (not H.264), as an upstream might deliver it: whoever stores it must re-encode it to
 * Reelgate's H.264 output.
 */
public final class TinyMp4 {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int FRAMES = 24;

    private TinyMp4() {
    }

    public static byte[] render() {
        return render(WIDTH, HEIGHT, FRAMES);
    }

    /** A clip of another size, e.g. the size a workflow asked a fake ComfyUI for. */
    public static byte[] render(int width, int height, int frames) {
        try {
            Path file = TestDataDirs.freshFile("tiny-", ".mp4");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                 Java2DFrameConverter converter = new Java2DFrameConverter()) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(24);
                recorder.setVideoBitrate(400_000);
                recorder.start();
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                for (int i = 0; i < frames; i++) {
                    Graphics2D g = image.createGraphics();
                    g.setColor(new Color(40, 90, 200));
                    g.fillRect(0, 0, width, height);
                    g.setColor(Color.ORANGE);
                    g.fillRect(i * 10, 60, 40, 40);
                    g.dispose();
                    recorder.record(converter.convert(image));
                }
                recorder.stop();
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
