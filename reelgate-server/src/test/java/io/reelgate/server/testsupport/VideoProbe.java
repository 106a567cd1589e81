package io.reelgate.server.testsupport;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Test helper that decodes an MP4 and reports what a player would see. */
public final class VideoProbe {

    /**
     * @param durationSeconds  duration the container declares
     * @param lastFrameEndSeconds timestamp of the last decoded frame plus one frame interval
     * @param decodedFrames    video frames actually decoded
     * @param topLevelBoxes    MP4 box types in file order, e.g. [ftyp, moov, mdat]
     */
    public record Info(int width, int height, String codecName, String pixelFormat, double frameRate,
                       double durationSeconds, double lastFrameEndSeconds, int decodedFrames,
                       List<String> topLevelBoxes, boolean moovBeforeMdat) {
    }

    private VideoProbe() {
    }

    public static Info probe(Path mp4) {
        List<String> boxes = topLevelBoxes(mp4);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile())) {
            grabber.start();
            AVCodecParameters codec = videoCodec(grabber.getFormatContext());
            String codecName = avcodec_get_name(codec.codec_id()).getString();
            String pixelFormat = av_get_pix_fmt_name(codec.format()).getString();
            double frameRate = grabber.getVideoFrameRate();
            double duration = grabber.getLengthInTime() / 1e6;
            int frames = 0;
            long lastTimestamp = 0;
            for (Frame frame; (frame = grabber.grabImage()) != null; ) {
                frames++;
                lastTimestamp = frame.timestamp;
            }
            double lastFrameEnd = lastTimestamp / 1e6 + 1 / frameRate;
            int moov = boxes.indexOf("moov");
            int mdat = boxes.indexOf("mdat");
            return new Info(grabber.getImageWidth(), grabber.getImageHeight(), codecName, pixelFormat, frameRate,
                    duration, lastFrameEnd, frames, boxes, moov >= 0 && mdat >= 0 && moov < mdat);
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("Cannot decode " + mp4, e);
        }
    }

    private static AVCodecParameters videoCodec(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVCodecParameters codec = format.streams(i).codecpar();
            if (codec.codec_type() == AVMEDIA_TYPE_VIDEO) {
                return codec;
            }
        }
        throw new IllegalStateException("No video stream");
    }

    /** The {@code index}-th decoded frame (0-based) as a standalone RGB image. */
    /**
     * Probes a result in Reelgate's output format, asserting it: H.264, yuv420p, the index before the media (plays
     * while it downloads). Answers the probe for the test's own checks of size and frames.
     */
    public static Info probeOutputFormat(Path mp4) {
        Info info = probe(mp4);
        org.assertj.core.api.Assertions.assertThat(info.codecName()).isEqualTo("h264");
        org.assertj.core.api.Assertions.assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        org.assertj.core.api.Assertions.assertThat(info.moovBeforeMdat()).isTrue();
        return info;
    }

    public static BufferedImage frameAt(Path mp4, int index) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(mp4.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame = null;
            for (int i = 0; i <= index; i++) {
                frame = grabber.grabImage();
                if (frame == null) {
                    throw new IllegalArgumentException(mp4 + " has only " + i + " frames");
                }
            }
            // the converter reuses its buffer, so the caller gets a copy
            BufferedImage decoded = converter.getBufferedImage(frame);
            BufferedImage copy = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(decoded, 0, 0, null);
            return copy;
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("Cannot decode " + mp4, e);
        }
    }

    public static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        return meanAbsDiff(a, b, new Rectangle(0, 0, a.getWidth(), a.getHeight()));
    }

    /** Mean absolute difference over the R, G and B channels of the region, 0..255. */
    public static double meanAbsDiff(BufferedImage a, BufferedImage b, Rectangle region) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " vs "
                    + b.getWidth() + "x" + b.getHeight());
        }
        long sum = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff))
                        + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * region.width * region.height);
    }

    /** Box types at the top level of an ISO BMFF file, read from the size/type headers. */
    public static List<String> topLevelBoxes(Path mp4) {
        List<String> types = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mp4)) {
            long remaining = Files.size(mp4);
            while (remaining >= 8) {
                ByteBuffer header = ByteBuffer.wrap(in.readNBytes(8));
                long size = header.getInt() & 0xffffffffL;
                byte[] type = new byte[4];
                header.get(type);
                types.add(new String(type, StandardCharsets.ISO_8859_1));
                long headerSize = 8;
                if (size == 1) {
                    size = ByteBuffer.wrap(in.readNBytes(8)).getLong();
                    headerSize = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                if (size < headerSize || size > remaining) {
                    throw new IllegalStateException("Broken box " + types.get(types.size() - 1) + " in " + mp4);
                }
                in.skipNBytes(size - headerSize);
                remaining -= size;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + mp4, e);
        }
        return types;
    }
}
