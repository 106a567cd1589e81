package io.reelgate.server.engine.preview;

import java.awt.Graphics2D;

/** Draws one frame of a clip onto the full canvas; must depend on nothing but its inputs so renders repeat exactly. */
interface FramePainter {

    /**
     * @param g        graphics of the canvas; the painter covers every pixel
     * @param seconds  time of the frame from the start of the clip
     * @param progress the same time as a fraction of the clip, 0 for the first frame and 1 for the last
     */
    void paint(Graphics2D g, double seconds, double progress);
}
