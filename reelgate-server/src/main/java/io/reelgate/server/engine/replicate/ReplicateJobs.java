package io.reelgate.server.engine.replicate;

import io.reelgate.server.engine.EngineJob;

/** Copies of a job with one field changed, for what the engine sends instead of what the user named. */
final class ReplicateJobs {

    private ReplicateJobs() {
    }

    static EngineJob withImage(EngineJob job, String imageUrl) {
        return new EngineJob(job.taskId(), job.kind(), job.prompt(), imageUrl, job.aspectRatio(), job.quality(),
                job.durationSeconds(), job.waterMark(), job.parentVideo(), job.parentUpstreamId(), job.videoUrl(),
                job.seed(), job.referenceImage(), job.lastFrameUrl(), job.referenceImageUrls(), job.size(), job.fps(),
                job.model(), job.route(), job.modelInput(), job.webhookUrl(), job.workDir());
    }
}
