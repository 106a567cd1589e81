package io.reelgate.server.engine.veo;

import io.reelgate.server.engine.EngineCapabilities;
import io.reelgate.server.engine.EngineJob;
import io.reelgate.server.engine.UnsupportedInputException;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** What Veo 3.1 on the Gemini API can render (docs/engines.md, "Google Veo: limits"), checked at submit. */
@Component
@Conditional(VeoKeyConfigured.class)
class VeoCapabilities implements EngineCapabilities {

    static final List<String> RATIOS = List.of("16:9", "9:16");
    static final List<Integer> DURATIONS = List.of(4, 6, 8);

    @Override
    public String engine() {
        return VeoEngine.NAME;
    }

    @Override
    public void check(EngineJob job) {
        if (job.kind() == EngineJob.Kind.ALEPH) {
            throw new UnsupportedInputException("videoUrl", "video-to-video is not available with the veo engine");
        }
        if (job.aspectRatio() != null && !RATIOS.contains(job.aspectRatio())) {
            throw new UnsupportedInputException("aspectRatio", "aspectRatio " + job.aspectRatio()
                    + " is not available with the veo engine (16:9, 9:16)");
        }
        if (job.durationSeconds() > 0 && !DURATIONS.contains(job.durationSeconds())) {
            throw new UnsupportedInputException("duration", "duration " + job.durationSeconds()
                    + " is not available with the veo engine (4, 6, 8)");
        }
        boolean high = "1080p".equalsIgnoreCase(job.quality()) || "4k".equalsIgnoreCase(job.quality());
        if (high && job.durationSeconds() > 0 && job.durationSeconds() != 8) {
            throw new UnsupportedInputException("duration", "quality " + job.quality()
                    + " needs duration 8 with the veo engine");
        }
    }
}
