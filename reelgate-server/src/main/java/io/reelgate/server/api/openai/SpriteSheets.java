package io.reelgate.server.api.openai;

import io.reelgate.server.media.Jpeg;
import io.reelgate.server.media.SourceVideo;
import io.reelgate.server.task.Task;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The {@code spritesheet} variant: a JPEG grid of {@link #COLUMNS} x {@link #ROWS} frames taken at even steps through
 * the result, made once from the stored video and kept next to it in the blob store.
 */
@Component
class SpriteSheets {

    static final int COLUMNS = 5;
    static final int ROWS = 2;
    static final String SUFFIX = "-spritesheet.jpg";
    private static final int TILE_WIDTH = 256;
    private static final SourceVideo.Failures FAILURES = new SourceVideo.Failures(false,
            "The stored video is not a video", "The stored video could not be decoded");

    private final DerivedFiles files;

    SpriteSheets(DerivedFiles files) {
        this.files = files;
    }

    Optional<Resource> of(Task task) {
        return files.derived(task.videoKey(), DerivedFiles.keyOf(task, SUFFIX),
                file -> Jpeg.write(render(file), file, "sprite sheet"));
    }

    private static BufferedImage render(Path video) {
        try (SourceVideo source = SourceVideo.open(video, FAILURES)) {
            int width = source.width();
            int height = source.height();
            int tileHeight = Math.max(1, Math.round(TILE_WIDTH * (float) height / width));
            BufferedImage sheet = new BufferedImage(TILE_WIDTH * COLUMNS, tileHeight * ROWS, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = sheet.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int tiles = COLUMNS * ROWS;
            int frames = Math.max(tiles, source.declaredFrames());
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            int index = 0;
            int tile = 0;
            while (tile < tiles && source.next()) {
                if (index == (long) tile * frames / tiles) {
                    source.copy(0, 0, width, height, pixels);
                    g.drawImage(frame, (tile % COLUMNS) * TILE_WIDTH, (tile / COLUMNS) * tileHeight, TILE_WIDTH,
                            tileHeight, null);
                    tile++;
                }
                index++;
            }
            g.dispose();
            return sheet;
        }
    }
}
