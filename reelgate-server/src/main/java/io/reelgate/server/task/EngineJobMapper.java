package io.reelgate.server.task;

import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.VideoGeometry;

/**
 * The one mapping from what a task asked for to the job an engine runs: used to check a request against the routed
 * engine before it becomes a task, and by the dispatcher (which adds the work directory and the parent's video).
 */
public final class EngineJobMapper {

    /** KIE documents no extension or default length; Runway clips (and ours) are 5 seconds unless asked otherwise. */
    static final int DEFAULT_SECONDS = 5;

    private EngineJobMapper() {
    }

    public static EngineJob.Builder jobFor(Task task) {
        return jobFor(task.id(), task.kind(), task.input());
    }

    /** The same before the task exists: to check a request against an engine, or to render a model's input. */
    public static EngineJob.Builder jobFor(String taskId, TaskKind kind, TaskInput in) {
        return EngineJob.builder(taskId, EngineJob.Kind.valueOf(kind.name()))
                .prompt(in.prompt())
                .imageUrl(in.imageUrl())
                .aspectRatio(in.aspectRatio())
                .quality(in.quality())
                .durationSeconds(in.duration() == null ? DEFAULT_SECONDS : in.duration())
                .waterMark(in.waterMark())
                .videoUrl(in.videoUrl())
                .seed(in.seed())
                .referenceImage(in.referenceImage())
                .lastFrameUrl(in.lastFrameUrl())
                .referenceImageUrls(in.referenceImageUrls())
                .size(in.size() == null ? null : VideoGeometry.parse(in.size()))
                .fps(in.fps())
                .model(in.model());
    }
}
