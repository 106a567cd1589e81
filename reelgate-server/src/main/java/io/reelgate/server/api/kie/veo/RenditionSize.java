package io.reelgate.server.api.kie.veo;

import io.reelgate.server.task.Task;

/** The two re-render sizes Veo offers for a finished video, with their documented price. */
enum RenditionSize {
    FULL_HD("1080p", 1920, 1080, 5),
    FOUR_K("4k", 3840, 2160, 120);

    final String label;
    final int longSide;
    final int shortSide;
    final long credits;

    RenditionSize(String label, int longSide, int shortSide, long credits) {
        this.label = label;
        this.longSide = longSide;
        this.shortSide = shortSide;
        this.credits = credits;
    }

    /** "WxH" in the source video's orientation: a 9:16 video becomes 1080x1920. */
    String sizeFor(Task source) {
        boolean portrait = source.width() != null && source.height() != null && source.height() > source.width();
        return portrait ? shortSide + "x" + longSide : longSide + "x" + shortSide;
    }

    static RenditionSize ofLabel(String label) {
        for (RenditionSize size : values()) {
            if (size.label.equals(label)) {
                return size;
            }
        }
        return null;
    }
}
