package io.reelgate.server.engine.comfyui;

import io.reelgate.server.engine.EngineContext;
import io.reelgate.server.engine.EngineException;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.VideoGeometry;
import io.reelgate.server.engine.UpstreamVideo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The file a workflow starts from, ready to upload, and the aspect ratio of the output: for image-to-video the
 * user's image (re-encoded as PNG), for an extension the parent's last frame, for Aleph the source video; none for
 * text-to-video. Without an explicit aspect ratio the input's shape decides, as with the other engines.
 *
 * @param placeholder {@code image} or {@code video}; {@code null} when there is no input
 * @param file        the local file to upload
 * @param uploadName  the file name sent to ComfyUI: per task, so a resubmission overwrites its own upload
 */
record ComfyInput(String placeholder, Path file, String uploadName, String aspectRatio) {

    static ComfyInput prepare(EngineJob job, EngineContext context, UpstreamVideo normalizer, long maxBytes) {
        return switch (job.kind()) {
            case GENERATE -> job.hasImage() ? image(job, context, maxBytes)
                    : new ComfyInput(null, null, null, job.aspectRatio() == null ? "16:9" : job.aspectRatio());
            case EXTEND -> {
                Path frame = normalizer.startFrame(job);
                yield png(job, frame, "start frame");
            }
            case ALEPH -> video(job, context, maxBytes);
        };
    }

    private static ComfyInput image(EngineJob job, EngineContext context, long maxBytes) {
        Path file = job.workDir().resolve("input-image");
        context.download(job.imageUrl(), file, maxBytes, "image");
        return png(job, file, "image");
    }

    /** ImageIO reads what the preview engine reads; PNG is what every LoadImage accepts. */
    private static ComfyInput png(EngineJob job, Path source, String what) {
        try {
            BufferedImage image = ImageIO.read(source.toFile());
            if (image == null) {
                throw new EngineException(EngineException.INPUT_REJECTED, "Incorrect image format");
            }
            Path png = job.workDir().resolve("comfy-input.png");
            ImageIO.write(image, "png", png.toFile());
            String ratio = job.aspectRatio() != null ? job.aspectRatio()
                    : VideoGeometry.nearestAspectRatio(image.getWidth(), image.getHeight());
            return new ComfyInput("image", png, job.taskId() + "-image.png", ratio);
        } catch (IOException e) {
            throw new EngineException(EngineException.INTERNAL, "The " + what + " could not be read", e);
        }
    }

    private static ComfyInput video(EngineJob job, EngineContext context, long maxBytes) {
        Path file = job.workDir().resolve("source-video");
        context.download(job.videoUrl(), file, maxBytes, "video");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setOption("protocol_whitelist", "file");
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() < 2 || grabber.getImageHeight() < 2) {
                throw new EngineException(EngineException.INPUT_REJECTED, "The source file is not a video");
            }
            String ratio = job.aspectRatio() != null ? job.aspectRatio()
                    : VideoGeometry.nearestAspectRatio(grabber.getImageWidth(), grabber.getImageHeight());
            String extension = grabber.getFormat() != null && grabber.getFormat().contains("webm") ? ".webm" : ".mp4";
            return new ComfyInput("video", file, job.taskId() + "-source" + extension, ratio);
        } catch (FrameGrabber.Exception e) {
            throw new EngineException(EngineException.INPUT_REJECTED, "The source file is not a video", e);
        }
    }
}
