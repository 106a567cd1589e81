package io.reelgate.server.engine.preview;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * First-and-last-frame placeholder: the clip starts on the first image and dissolves into the last one, eased so the
 * first and final frames show their image alone, as the models that take a frame pair promise.
 */
final class CrossFadePainter implements FramePainter {

    private final FramePainter from;
    private final FramePainter to;
    private final BufferedImage overlay;

    CrossFadePainter(FramePainter from, FramePainter to, int width, int height) {
        this.from = from;
        this.to = to;
        this.overlay = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    @Override
    public void paint(BufferedImage canvas, double seconds, double progress) {
        from.paint(canvas, seconds, progress);
        float blend = (float) (0.5 - 0.5 * Math.cos(Math.PI * progress));
        if (blend <= 0) {
            return;
        }
        to.paint(overlay, seconds, progress);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, Math.min(1f, blend)));
            g.drawImage(overlay, 0, 0, null);
        } finally {
            g.dispose();
        }
    }
}
