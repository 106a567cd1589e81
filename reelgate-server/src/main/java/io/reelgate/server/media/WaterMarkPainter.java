package io.reelgate.server.media;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** The watermark text in the bottom-right corner: white with a dark outline so it reads on any background. */
public final class WaterMarkPainter {

    private static final Color FILL = new Color(255, 255, 255, 215);
    private static final Color OUTLINE = new Color(0, 0, 0, 150);
    private static final double FONT_SHARE_OF_HEIGHT = 0.045;
    private static final double MAX_SHARE_OF_WIDTH = 0.6;

    private final Shape text;
    private final BasicStroke outline;

    WaterMarkPainter(String waterMark, int width, int height) {
        float size = (float) (height * FONT_SHARE_OF_HEIGHT);
        FontRenderContext context = new FontRenderContext(new AffineTransform(), true, true);
        Rectangle2D bounds = glyphs(waterMark, size, context).getVisualBounds();
        if (bounds.getWidth() > width * MAX_SHARE_OF_WIDTH) {
            size *= (float) (width * MAX_SHARE_OF_WIDTH / bounds.getWidth());
        }
        GlyphVector glyphs = glyphs(waterMark, size, context);
        bounds = glyphs.getVisualBounds();
        double margin = height * 0.03;
        // the outline is laid out once; every frame only fills and strokes the same shape
        this.text = glyphs.getOutline((float) (width - margin - bounds.getMaxX()), (float) (height - margin - bounds.getMaxY()));
        this.outline = new BasicStroke(Math.max(1.5f, size / 9), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The watermark at this frame size, or {@code null} when there is none ({@code null} or empty text). */
    public static WaterMarkPainter of(String waterMark, int width, int height) {
        return waterMark == null || waterMark.isEmpty() ? null : new WaterMarkPainter(waterMark, width, height);
    }

    private static GlyphVector glyphs(String text, float size, FontRenderContext context) {
        return new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(size).createGlyphVector(context, text);
    }

    /** Draws the watermark over a frame whose picture is complete (painted, or decoded from a source video). */
    public void paintOn(BufferedImage frame) {
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setComposite(AlphaComposite.SrcOver);
            g.setStroke(outline);
            g.setColor(OUTLINE);
            g.draw(text);
            g.setColor(FILL);
            g.fill(text);
        } finally {
            g.dispose();
        }
    }
}
