package io.reelgate.server.engine.preview;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Extension placeholder: a camera move over the parent's last frame that starts at exactly that frame (no zoom, no
 * offset), so the cut from the parent is invisible, and eases into the motion the prompt names. Unlike
 * {@link KenBurnsPainter} the image already has the output size, so the first frame is a 1:1 copy; zooming in and
 * panning crop into it, and zooming out shrinks it over a blurred, dimmed copy of itself so no border shows.
 */
final class ContinuationPainter implements FramePainter {

    /** Same reach as {@link KenBurnsPainter}: how far a zoom goes and how much room a pan gets. */
    private static final double MAX_ZOOM = 1.25;
    private static final double PAN_ZOOM = 1.15;
    /** The zoom-out background is the frame at 1/16 size, stretched back: a cheap strong blur. */
    private static final int BACKDROP_REDUCTION = 16;
    private static final Color BACKDROP_DIMMING = new Color(0, 0, 0, 90);

    private final BufferedImage image;
    private final BufferedImage backdrop;
    private final int width;
    private final int height;
    private final CameraMotion motion;

    /** @param start the frame to continue from, at the output size */
    ContinuationPainter(BufferedImage start, CameraMotion motion) {
        this.width = start.getWidth();
        this.height = start.getHeight();
        this.motion = motion;
        // the resampler reads RGB ints; conversion from BGR bytes is exact
        this.image = ImageScaler.scale(start, 1.0);
        this.backdrop = motion == CameraMotion.ZOOM_OUT ? blurredBackdrop() : null;
    }

    @Override
    public void paint(BufferedImage canvas, double seconds, double progress) {
        double eased = 0.5 - 0.5 * Math.cos(Math.PI * progress);
        double zoom = switch (motion) {
            case ZOOM_IN -> 1 + (MAX_ZOOM - 1) * eased;
            case ZOOM_OUT -> 1 / (1 + (MAX_ZOOM - 1) * eased);
            default -> 1 + (PAN_ZOOM - 1) * eased;
        };
        // a pan slides the view until its edge meets the image edge on the named side
        double slackX = zoom > 1 ? (width - width / zoom) / 2 : 0;
        double slackY = zoom > 1 ? (height - height / zoom) / 2 : 0;
        double centreX = width / 2.0 + switch (motion) {
            case PAN_LEFT -> -slackX;
            case PAN_RIGHT -> slackX;
            default -> 0;
        };
        double centreY = height / 2.0 + switch (motion) {
            case PAN_UP -> -slackY;
            case PAN_DOWN -> slackY;
            default -> 0;
        };
        if (zoom < 1) {
            Resampler.stretch(backdrop, canvas);
            FramePainter.wash(canvas, BACKDROP_DIMMING);
        }
        // at progress 0 this is a scale of 1 at no offset, so the first frame is the start frame pixel for pixel
        Resampler.draw(image, canvas, zoom, zoom, width / 2.0 - centreX * zoom, height / 2.0 - centreY * zoom);
    }

    private BufferedImage blurredBackdrop() {
        return ImageScaler.scale(image, 1.0 / BACKDROP_REDUCTION);
    }
}
