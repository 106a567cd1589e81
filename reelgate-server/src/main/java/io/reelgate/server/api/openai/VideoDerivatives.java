package io.reelgate.server.api.openai;

import io.reelgate.server.task.ResultDerivatives;
import io.reelgate.server.task.Task;
import java.util.List;
import org.springframework.stereotype.Component;

/** The thumbnail and sprite sheet this dialect caches beside a result, removed with it (retention, delete). */
@Component
class VideoDerivatives implements ResultDerivatives {

    @Override
    public List<String> keysOf(Task task) {
        if (task.videoKey() == null || !OpenAiDialect.NAME.equals(task.dialect())) {
            return List.of();
        }
        return List.of(DerivedFiles.keyOf(task, Thumbnails.SUFFIX), DerivedFiles.keyOf(task, SpriteSheets.SUFFIX));
    }
}
