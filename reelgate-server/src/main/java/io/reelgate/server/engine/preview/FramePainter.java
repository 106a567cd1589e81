package io.reelgate.server.engine.preview;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Draws one frame of a clip onto the full canvas; must depend on nothing but its inputs so renders repeat exactly. */
interface FramePainter {

    /**
     * @param canvas   the frame, {@link BufferedImage#TYPE_3BYTE_BGR}; the painter covers every pixel
     * @param seconds  time of the frame from the start of the clip
     * @param progress the same time as a fraction of the clip, 0 for the first frame and 1 for the last
     */
    void paint(BufferedImage canvas, double seconds, double progress);

    /** Lays a colour (translucent, as a wash or a dimming) over the whole canvas. */
    static void wash(BufferedImage canvas, Color colour) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(colour);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        } finally {
            g.dispose();
        }
    }
}
