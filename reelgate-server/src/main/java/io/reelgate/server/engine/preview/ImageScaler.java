package io.reelgate.server.engine.preview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Good-looking one-off resizing into an opaque RGB image, the form {@link Resampler} reads. */
final class ImageScaler {

    private ImageScaler() {
    }

    static BufferedImage scale(BufferedImage image, double factor) {
        int targetWidth = Math.max(1, (int) Math.ceil(image.getWidth() * factor));
        int targetHeight = Math.max(1, (int) Math.ceil(image.getHeight() * factor));
        BufferedImage current = image;
        // bilinear sampling skips pixels below half size, so large reductions go in halving steps
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return resize(current, targetWidth, targetHeight);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }
}
