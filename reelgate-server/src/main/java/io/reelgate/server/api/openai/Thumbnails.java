package io.reelgate.server.api.openai;

import io.reelgate.server.task.Task;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The {@code thumbnail} variant: the task's JPEG cover as the WebP OpenAI serves, converted once and cached beside it. */
@Component
class Thumbnails {

    static final String SUFFIX = "-thumbnail.webp";

    private final DerivedFiles files;

    Thumbnails(DerivedFiles files) {
        this.files = files;
    }

    Optional<Resource> of(Task task) {
        return files.derived(task.coverKey(), DerivedFiles.keyOf(task, SUFFIX), file -> {
            BufferedImage cover = ImageIO.read(file.toFile());
            if (cover == null) {
                throw new IOException("the cover of task " + task.id() + " is not a readable image");
            }
            Files.write(file, LosslessWebp.encode(cover));
        });
    }
}
