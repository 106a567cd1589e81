package io.reelgate.server.engine.preview;

import java.awt.image.BufferedImage;

/**
 * Image-to-video placeholder: a slow camera move over the reference image, always covering the whole frame so no
 * border ever shows.
 */
final class KenBurnsPainter implements FramePainter {

    /** How far a zoom goes, and how much room a pan gets in the narrow direction. */
    private static final double MAX_ZOOM = 1.25;
    private static final double PAN_ZOOM = 1.15;

    private final BufferedImage source;
    private final int width;
    private final int height;
    private final CameraMotion motion;

    KenBurnsPainter(BufferedImage image, int width, int height, CameraMotion motion) {
        this.width = width;
        this.height = height;
        this.motion = motion;
        double cover = Math.max(width / (double) image.getWidth(), height / (double) image.getHeight());
        // scaled once so that the deepest zoom is 1:1 and every frame only shrinks a little
        this.source = ImageScaler.scale(image, cover * MAX_ZOOM);
    }

    @Override
    public void paint(BufferedImage canvas, double seconds, double progress) {
        double eased = 0.5 - 0.5 * Math.cos(Math.PI * progress);
        double zoom = switch (motion) {
            case ZOOM_IN -> 1 + (MAX_ZOOM - 1) * eased;
            case ZOOM_OUT -> MAX_ZOOM - (MAX_ZOOM - 1) * eased;
            default -> PAN_ZOOM;
        };
        double scale = zoom / MAX_ZOOM;
        // size of the visible window in source pixels, and how far its centre may move from the middle
        double viewWidth = width / scale;
        double viewHeight = height / scale;
        double slackX = (source.getWidth() - viewWidth) / 2;
        double slackY = (source.getHeight() - viewHeight) / 2;
        double sweep = 2 * eased - 1;
        double centreX = source.getWidth() / 2.0 + switch (motion) {
            case PAN_LEFT -> -slackX * sweep;
            case PAN_RIGHT -> slackX * sweep;
            default -> 0;
        };
        double centreY = source.getHeight() / 2.0 + switch (motion) {
            case PAN_UP -> -slackY * sweep;
            case PAN_DOWN -> slackY * sweep;
            default -> 0;
        };
        // the window's centre lands on the frame's centre
        Resampler.draw(source, canvas, scale, scale, width / 2.0 - centreX * scale, height / 2.0 - centreY * scale);
    }
}
